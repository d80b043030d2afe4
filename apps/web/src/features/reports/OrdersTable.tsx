import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { OrderView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { testId } from '../../lib/test-id';
import { LegalBasisList } from './legal-basis';
import { AnswerCell, RecheckCell, UrlList } from './OrderCells';
import { OrderAnswerModal } from './OrderAnswerModal';
import { reportPath } from './ReportsTable';
import { DeadlineTag, OrderStateTag } from './ReportTags';
import { RecheckModal } from './SubcaseModals';

interface Props {
  orders: OrderView[];
  loading?: boolean;
  /** liaison: answers its platform's orders; office: sees answers and rechecks; report: inside a report's detail */
  mode: 'liaison' | 'office' | 'report';
  canRecheck: boolean;
  pagination?: { current: number; pageSize: number; total?: number; onChange: (page: number) => void };
}

export function OrdersTable({ orders, loading, mode, canRecheck, pagination }: Props) {
  const t = useT();
  const [answering, setAnswering] = useState<OrderView | null>(null);
  const [rechecking, setRechecking] = useState<OrderView | null>(null);
  const liaison = mode === 'liaison';
  const report = mode === 'report';
  return (
    <>
      <Table<OrderView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={orders}
        scroll={{ x: liaison ? 1200 : report ? 900 : 1100 }}
        onRow={(o) => testId(`order-row-${o.orderNo}`)}
        pagination={pagination ? { ...pagination, showSizeChanger: false, showTotal: (n) => t('common.total', { total: n }) } : false}
        columns={[
          {
            key: 'no',
            title: t('rptOrder.orderNo'),
            width: report ? 200 : 170,
            render: (_, o) => (
              <Flex vertical gap={2}>
                <span className="rpt-mono">{o.orderNo}</span>
                {mode === 'office' && <Link to={reportPath(o.reportId)} className="rpt-mono" style={{ fontSize: 12 }}>{o.trackingNo}</Link>}
                {report && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.requirement}</Typography.Text>}
              </Flex>
            ),
          },
          ...(liaison ? [] : [{ key: 'platform', title: t('rpt.platform'), width: 120, render: (_: unknown, o: OrderView) => o.platformName }]),
          { key: 'measure', title: t('rptDisposal.measure'), width: 80, render: (_, o) => t(`rptMeasure.${o.measure}`) },
          // The office opens the report for its links; the liaison needs them here to act.
          ...(liaison ? [{ key: 'urls', title: t('rpt.urls'), width: 220, render: (_: unknown, o: OrderView) => <UrlList urls={o.urls} /> }] : []),
          ...(report
            ? []
            : [
                { key: 'req', title: t('rptDisposal.requirement'), width: 180, render: (_: unknown, o: OrderView) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>{o.requirement}</Typography.Paragraph> },
              ]),
          ...(liaison ? [{ key: 'basis', title: t('rptDisposal.legalBasis'), width: 200, render: (_: unknown, o: OrderView) => <LegalBasisList items={o.legalBasis} /> }] : []),
          {
            key: 'state',
            title: t('rpt.state'),
            width: 150,
            render: (_, o) => (
              <Flex vertical gap={4} align="flex-start">
                <span>
                  <OrderStateTag state={o.state} />
                  {o.escalated && <Tag color="red">{t('rptOrder.escalated')}</Tag>}
                </span>
                {!o.answer && <DeadlineTag dueAt={o.dueAt} status={o.deadlineStatus} compact />}
              </Flex>
            ),
          },
          { key: 'answer', title: t('rptOrder.answer'), width: 180, render: (_, o) => <AnswerCell order={o} /> },
          ...(liaison ? [] : [{ key: 'recheck', title: t('rptOrder.recheckResult'), width: 140, render: (_: unknown, o: OrderView) => <RecheckCell order={o} /> }]),
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            fixed: 'right' as const,
            render: (_, o) =>
              liaison ? (
                o.state === 'issued' || o.state === 'escalated' ? (
                  <Button size="small" type="primary" onClick={() => setAnswering(o)} data-testid="order-answer">{t('rptOrder.answerButton')}</Button>
                ) : null
              ) : canRecheck && o.answer && !o.recheck ? (
                <Button size="small" onClick={() => setRechecking(o)} data-testid="order-recheck">{t('rptOrder.recheck')}</Button>
              ) : null,
          },
        ]}
      />
      {answering && <OrderAnswerModal order={answering} onClose={() => setAnswering(null)} />}
      {rechecking && <RecheckModal order={rechecking} onClose={() => setRechecking(null)} />}
    </>
  );
}
