import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { auditApi, EventView, RouteResult } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime, shortHash } from '../../lib/format';
import { EventDetails } from './EventDetails';
import { actionLabel, roleLabel, stateLabel, subjectTypeLabel } from './labels';

export interface AuditFilters {
  subjectType?: string;
  subjectId?: string;
  actor?: { id: string; name: string };
}

interface Props {
  data: RouteResult<typeof auditApi.events> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onFilter: (patch: Partial<AuditFilters>) => void;
}

export function AuditTable({ data, loading, page, pageSize, onPage, onFilter }: Props) {
  const t = useT();
  return (
    <div data-testid="audit-table">
      <Table<EventView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, pageSize, total: data?.total, onChange: onPage, showTotal: (total) => t('common.total', { total }), showSizeChanger: false }}
        expandable={{ expandedRowRender: (e) => <EventDetails event={e} /> }}
        columns={[
          { key: 'time', title: t('audit.time'), width: 165, render: (_, e) => formatDateTime(e.createdAt, true) },
          {
            key: 'actor',
            title: t('audit.actor'),
            render: (_, { actorId, actorName, actorRole }) =>
              actorId ? (
                <span>
                  <Tooltip title={t('audit.filterByActor')}>
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onFilter({ actor: { id: actorId, name: actorName ?? actorId } })}>
                      {actorName ?? actorId}
                    </Button>
                  </Tooltip>
                  {actorRole && <Typography.Text type="secondary"> · {roleLabel(t, actorRole)}</Typography.Text>}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
              ),
          },
          {
            key: 'action',
            title: t('audit.action'),
            render: (_, e) => (
              <Tooltip title={e.action}>
                <span>{actionLabel(t, e.action)}</span>
              </Tooltip>
            ),
          },
          {
            key: 'subject',
            title: t('audit.subject'),
            render: (_, e) => (
              <Tooltip title={t('audit.filterBySubject')}>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onFilter({ subjectType: e.subjectType, subjectId: e.subjectId })}>
                  {subjectTypeLabel(t, e.subjectType)} · {e.subjectId.length > 12 ? `${e.subjectId.slice(0, 8)}…` : e.subjectId}
                </Button>
              </Tooltip>
            ),
          },
          {
            key: 'state',
            title: t('audit.state'),
            render: (_, e) =>
              e.fromState || e.toState ? (
                <Flex gap={4} align="center">
                  <Tag>{e.fromState ? stateLabel(t, e.fromState) : '∅'}</Tag>→<Tag color="blue">{e.toState ? stateLabel(t, e.toState) : '∅'}</Tag>
                </Flex>
              ) : null,
          },
          { key: 'reason', title: t('audit.reason'), ellipsis: true, render: (_, e) => e.reason ?? '' },
          {
            key: 'hash',
            title: t('audit.hash'),
            width: 140,
            render: (_, e) => (
              <Tooltip title={e.hash}>
                <Typography.Text code style={{ fontSize: 12 }}>
                  {shortHash(e.hash)}
                </Typography.Text>
              </Tooltip>
            ),
          },
        ]}
      />
    </div>
  );
}
