import { useState } from 'react';
import { Card, Typography } from 'antd';
import type { ReportDetail, TransferView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { OrdersTable } from './OrdersTable';
import { RecordReplyModal, TransferReasonModal } from './SubcaseModals';
import { TransfersTable } from './TransfersTable';

/** 移交件: the report's transfers to partner departments or the office above, with 催办 and 代录回函 while one is open. */
export function TransfersSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const can = useCan();
  const [urging, setUrging] = useState<TransferView | null>(null);
  const [recording, setRecording] = useState<TransferView | null>(null);
  return (
    <Card size="small" title={t('rptDetail.transfers', { count: r.transfers.length })} className="rpt-section" data-testid="report-transfers">
      {r.transfers.length === 0 ? (
        <Typography.Text type="secondary">{t('rptDetail.noTransfers')}</Typography.Text>
      ) : (
        <TransfersTable transfers={r.transfers} mode="report" onUrge={can('reports.dispose') ? setUrging : undefined} onRecordReply={can('reports.dispose') ? setRecording : undefined} />
      )}
      {urging && <TransferReasonModal transfer={urging} action="urge" onClose={() => setUrging(null)} />}
      {recording && <RecordReplyModal transfer={recording} onClose={() => setRecording(null)} />}
    </Card>
  );
}

/** 处置通知: orders to platforms, their answers and the office's recheck. */
export function OrdersSection({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const can = useCan();
  return (
    <Card size="small" title={t('rptDetail.orders', { count: r.orders.length })} className="rpt-section" data-testid="report-orders">
      {r.orders.length === 0 ? (
        <Typography.Text type="secondary">{t('rptDetail.noOrders')}</Typography.Text>
      ) : (
        <OrdersTable orders={r.orders} mode="report" canRecheck={can('reports.dispose')} />
      )}
    </Card>
  );
}
