import { Link } from 'react-router';
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReportListItem } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { consolePath } from '../shell/modules';
import { DeadlineTag, ReportStateTag, shortTime, TrustedBadge } from './ReportTags';
import type { ReportList } from './reports.api';

interface Props {
  data: ReportList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** null: rows cannot be selected (no bulk actions for this user) */
  selected: string[] | null;
  onSelect: (ids: string[]) => void;
}

export const reportPath = (id: string) => consolePath.module('reports', id);

export function ReportsTable({ data, loading, page, pageSize, onPage, selected, onSelect }: Props) {
  const t = useT();
  const total = data?.totalCapped ? t('rptQueue.totalCapped', { total: data.total }) : undefined;
  return (
    <div data-testid="reports-queue-table">
      <Table<ReportListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items}
        scroll={{ x: 1280 }}
        rowSelection={selected ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), preserveSelectedRowKeys: true } : undefined}
        onRow={(r) => testId(`report-row-${r.trackingNo}`)}
        pagination={{ current: page, pageSize, total: data?.total, onChange: onPage, showSizeChanger: false, showTotal: (n) => total ?? t('common.total', { total: n }) }}
        columns={[
          {
            key: 'no',
            title: t('rpt.trackingNo'),
            width: 215,
            fixed: 'left',
            render: (_, r) => (
              <Flex gap={4} align="center">
                <Link to={reportPath(r.id)} className="rpt-mono">{r.trackingNo}</Link>
                {r.trusted && <TrustedBadge />}
              </Flex>
            ),
          },
          { key: 'state', title: t('rpt.state'), width: 96, render: (_, r) => <ReportStateTag state={r.state} /> },
          { key: 'category', title: t('rpt.category'), width: 110, ellipsis: true, render: (_, r) => r.categoryName },
          {
            key: 'summary',
            title: t('rpt.summary'),
            ellipsis: { showTitle: false },
            render: (_, r) => (
              <Tooltip title={r.summary} placement="topLeft">
                {r.summary}
              </Tooltip>
            ),
          },
          { key: 'platform', title: t('rpt.platform'), width: 130, ellipsis: true, render: (_, r) => r.platformName ?? '—' },
          { key: 'jurisdiction', title: t('rpt.jurisdiction'), width: 100, ellipsis: true, render: (_, r) => r.jurisdictionName },
          { key: 'assignee', title: t('rpt.assignee'), width: 90, render: (_, r) => r.assigneeName ?? <Typography.Text type="secondary">{t('rpt.unassigned')}</Typography.Text> },
          {
            key: 'cluster',
            title: t('rpt.cluster'),
            width: 80,
            align: 'right',
            render: (_, r) =>
              r.clusterSize > 1 ? (
                <Tooltip title={t('rpt.clusterHint', { count: r.clusterSize })}>
                  <Tag color="purple">×{r.clusterSize}</Tag>
                </Tooltip>
              ) : (
                1
              ),
          },
          {
            key: 'submitted',
            title: t('rpt.submittedAt'),
            width: 110,
            render: (_, r) => <Tooltip title={formatDateTime(r.submittedAt, true)}>{shortTime(r.submittedAt)}</Tooltip>,
          },
          // Kept in view when the table scrolls sideways: the deadline is what the queue is worked by.
          { key: 'due', title: t('rpt.deadline'), width: 150, fixed: 'right', render: (_, r) => <DeadlineTag dueAt={r.dueAt} status={r.deadlineStatus} compact /> },
        ]}
      />
    </div>
  );
}
