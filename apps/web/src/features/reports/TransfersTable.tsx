import { Link } from 'react-router';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TransferView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { reportPath } from './ReportsTable';
import { DeadlineTag, TransferStateTag } from './ReportTags';

interface Props {
  transfers: TransferView[];
  loading?: boolean;
  /** inbox: the partner's own; outbox: sent by the office; report: inside a report's detail */
  mode: 'inbox' | 'outbox' | 'report';
  onOpen?: (transfer: TransferView) => void;
  onUrge?: (transfer: TransferView) => void;
  /** 代录回函, offered with 催办 */
  onRecordReply?: (transfer: TransferView) => void;
  pagination?: { current: number; pageSize: number; total?: number; onChange: (page: number) => void };
}

const OPEN = ['sent', 'signed'];

export function TransfersTable({ transfers, loading, mode, onOpen, onUrge, onRecordReply, pagination }: Props) {
  const t = useT();
  return (
    <Table<TransferView>
      rowKey="id"
      size={mode === 'report' ? 'small' : 'middle'}
      loading={loading}
      dataSource={transfers}
      scroll={{ x: 1100 }}
      onRow={(x) => ({ ...testId(`transfer-row-${x.trackingNo}`), onClick: onOpen ? () => onOpen(x) : undefined, style: onOpen ? { cursor: 'pointer' } : undefined })}
      pagination={pagination ? { ...pagination, showSizeChanger: false, showTotal: (n) => t('common.total', { total: n }) } : false}
      columns={[
        ...(mode === 'report'
          ? []
          : [
              {
                key: 'no',
                title: t('rpt.trackingNo'),
                width: 170,
                render: (_: unknown, x: TransferView) =>
                  mode === 'outbox' ? (
                    <Link to={reportPath(x.reportId)} className="rpt-mono" onClick={(e) => e.stopPropagation()}>{x.trackingNo}</Link>
                  ) : (
                    <span className="rpt-mono">{x.trackingNo}</span>
                  ),
              },
            ]),
        mode === 'inbox'
          ? { key: 'from', title: t('rptTransfer.from'), width: 160, render: (_, x) => x.fromUnitName }
          : { key: 'to', title: t('rptTransfer.to'), width: 160, render: (_, x) => x.toUnitName },
        { key: 'kind', title: t('rptTransfer.kind'), width: 100, render: (_, x) => t(`rptTransferKind.${x.kind}`) },
        ...(mode === 'report' ? [] : [{ key: 'summary', title: t('rpt.summary'), width: 280, ellipsis: true, render: (_: unknown, x: TransferView) => x.summary }]),
        { key: 'state', title: t('rpt.state'), width: 90, render: (_, x) => <>{<TransferStateTag state={x.state} />}{x.escalatedAt && <Tag color="red">{t('rptTransfer.escalated')}</Tag>}</> },
        { key: 'due', title: t('rpt.deadline'), width: 150, render: (_, x) => (OPEN.includes(x.state) ? <DeadlineTag dueAt={x.dueAt} status={x.deadlineStatus} compact /> : '—') },
        ...(mode === 'inbox'
          ? [{ key: 'created', title: t('rptTransfer.createdAt'), width: 140, render: (_: unknown, x: TransferView) => formatDateTime(x.createdAt) }]
          : [
              {
                key: 'result',
                title: t('rptTransfer.result'),
                width: 220,
                render: (_: unknown, x: TransferView) =>
                  x.replyText ? (
                    <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                      {x.replyChannel && <Tag>{t('rptTransfer.recordedVia', { channel: t(`replyChannel.${x.replyChannel}`) })}</Tag>}
                      {x.replyText}
                    </Typography.Paragraph>
                  ) : x.returnReason ? (
                    <Typography.Text type="danger">{t('rptTransfer.returnedBecause', { reason: x.returnReason })}</Typography.Text>
                  ) : (
                    '—'
                  ),
              },
              { key: 'urge', title: t('rptTransfer.urgeCount'), width: 64, align: 'right' as const, render: (_: unknown, x: TransferView) => x.urgeCount },
            ]),
        ...(onUrge
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: onRecordReply ? 170 : 80,
                render: (_: unknown, x: TransferView) =>
                  OPEN.includes(x.state) ? (
                    <Space size={4}>
                      <Button
                        size="small"
                        onClick={(e) => {
                          e.stopPropagation();
                          onUrge(x);
                        }}
                        data-testid="transfer-urge"
                      >
                        {t('rptTransfer.urge')}
                      </Button>
                      {onRecordReply && (
                        <Button
                          size="small"
                          onClick={(e) => {
                            e.stopPropagation();
                            onRecordReply(x);
                          }}
                          data-testid="transfer-record-reply"
                        >
                          {t('rptTransfer.recordReply')}
                        </Button>
                      )}
                    </Space>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
