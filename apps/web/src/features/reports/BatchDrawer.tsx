import { Descriptions, Drawer, Table } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useBatch, type BatchView } from './bulk.api';
import { reportPath } from './ReportsTable';
import { stateLabel } from './timeline-labels';

type BatchItem = BatchView['items'][number];

/** One bulk action as recorded: who ran it, when, and the change of each report it touched. */
export function BatchDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const batch = useBatch(id);
  const b = batch.data;
  return (
    <Drawer open={id !== null} size={640} title={t('rptBulk.batchTitle')} onClose={onClose} loading={batch.isPending} destroyOnHidden>
      {b && (
        <div data-testid="batch-detail">
          <Descriptions
            column={1}
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              { key: 'id', label: t('rptBulk.batch'), children: <span className="rpt-mono">{b.id}</span> },
              { key: 'action', label: t('rptBulk.action'), children: t(`rptBulkAction.${b.action}`) },
              { key: 'actor', label: t('rpt.actor'), children: b.actorName },
              { key: 'at', label: t('rpt.time'), children: formatDateTime(b.createdAt, true) },
              { key: 'count', label: t('rptBulk.result'), children: t('rptBulk.done', { applied: b.applied, skipped: b.skipped }) },
            ]}
          />
          <Table<BatchItem>
            rowKey="reportId"
            size="small"
            dataSource={b.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { key: 'no', title: t('rpt.trackingNo'), render: (_, i) => <Link to={reportPath(i.reportId)} className="rpt-mono">{i.trackingNo}</Link> },
              { key: 'from', title: t('rptTimeline.from'), render: (_, i) => stateLabel(t, i.fromState) ?? '—' },
              { key: 'to', title: t('rptTimeline.to'), render: (_, i) => stateLabel(t, i.toState) ?? '—' },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
