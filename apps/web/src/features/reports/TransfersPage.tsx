import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { TRANSFER_STATES, type TransferView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import { TransferDrawer } from './TransferDrawer';
import { RecordReplyModal, TransferReasonModal } from './SubcaseModals';
import { useTransfers, type Box, type TransferState } from './subcases.api';
import { TransfersTable } from './TransfersTable';
import './reports.css';

const PAGE_SIZE = 20;

/** 移交件 (a partner department's inbox) and 移交跟踪 (what the office sent out), one page for each box. */
function TransfersPage({ box }: { box: Box }) {
  const t = useT();
  const can = useCan();
  const [state, setState] = useState<TransferState | 'all'>('all');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [urging, setUrging] = useState<TransferView | null>(null);
  const [recording, setRecording] = useState<TransferView | null>(null);
  const list = useTransfers(box, { state: state === 'all' ? undefined : state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const items = list.data?.items ?? [];
  // Looked up in the list, so the drawer follows the transfer after a sign.
  const open = items.find((x) => x.id === openId) ?? null;

  return (
    <div data-testid={`transfers-${box}`}>
      <PageHeader title={t(box === 'inbox' ? 'nav.reportsTransfers' : 'nav.reportsTransferTracking')} />
      <Card>
        <Segmented<TransferState | 'all'>
          style={{ marginBottom: 16 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[{ value: 'all', label: t('common.all') }, ...TRANSFER_STATES.map((s) => ({ value: s, label: t(`rptTransferState.${s}`) }))]}
          data-testid="transfers-state"
        />
        <TransfersTable
          transfers={items}
          loading={list.isFetching}
          mode={box}
          onOpen={(x) => setOpenId(x.id)}
          onUrge={box === 'outbox' && can('reports.dispose') ? setUrging : undefined}
          onRecordReply={box === 'outbox' && can('reports.dispose') ? setRecording : undefined}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage }}
        />
      </Card>
      <TransferDrawer transfer={open} canHandle={box === 'inbox' && can('transfers.handle')} onClose={() => setOpenId(null)} />
      {urging && <TransferReasonModal transfer={urging} action="urge" onClose={() => setUrging(null)} />}
      {recording && <RecordReplyModal transfer={recording} onClose={() => setRecording(null)} />}
    </div>
  );
}

export const TransferInboxPage = () => <TransfersPage box="inbox" />;
export const TransferOutboxPage = () => <TransfersPage box="outbox" />;
