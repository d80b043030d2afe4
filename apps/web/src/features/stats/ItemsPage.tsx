import { useState } from 'react';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { ReportFigure, StatsItemsQuery } from '@tianlang/contracts';
import { useT, isMessageKey } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/session';
import { useStatsItems, type StatsItemList } from './stats.api';
import { scopeQuery, useStatsScope } from './use-stats-scope';

const PAGE = 20;
type Item = StatsItemList['items'][number];

/** The reports behind a dashboard number (same period, jurisdiction and breakdown). */
export function ItemsPage() {
  const t = useT();
  const can = useCan();
  const [scope] = useStatsScope();
  const [params] = useSearchParams();
  const figure = (params.get('figure') ?? 'received') as ReportFigure;
  const dim = (params.get('dim') ?? undefined) as StatsItemsQuery['dim'];
  const key = params.get('key') ?? undefined;
  const [page, setPage] = useState(1);
  const q = useStatsItems({ ...scope, figure, dim, key, limit: PAGE, offset: (page - 1) * PAGE });
  const keyLabel = dim === 'channel' && isMessageKey(`rptChannel.${key}`) ? t(`rptChannel.${key}` as 'rptChannel.web')
    : dim === 'grade' && isMessageKey(`stGrade.${key}`) ? t(`stGrade.${key}` as 'stGrade.none') : q.data?.keyLabel ?? key;
  // the transfers and orders tables list one row per transfer or order, dated when it was sent
  const perSubcase = dim === 'transfer_unit' || dim === 'order_platform';
  const title = dim === 'transfer_unit' ? t('st.items.titleTransfers') : dim === 'order_platform' ? t('st.items.titleOrders') : t('st.items.title', { figure: t(`stFig.${figure}`) });
  return (
    <div data-testid="stats-items">
      <PageHeader title={title}
        extra={<Link to={`/console/stats?${scopeQuery(scope)}`}><Button>{t('st.items.back')}</Button></Link>} />
      <Card size="small">
        <Typography.Paragraph type="secondary">
          {q.data ? `${q.data.jurisdictionName} · ${q.data.period.from} — ${q.data.period.to} · ` : ''}{dim && key ? <Tag>{t('st.items.filter', { dim: isMessageKey(`stDim.${dim}`) ? t(`stDim.${dim}` as 'stDim.zone') : t('st.reporter.name'), key: keyLabel ?? '' })}</Tag> : null}
          {q.data ? t('st.items.total', { n: q.data.total }) : ''}
        </Typography.Paragraph>
        <Table<Item> size="small" rowKey={(r) => `${r.id}:${r.at}`} loading={q.isFetching} dataSource={q.data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('st.items.tracking'), dataIndex: 'trackingNo', render: (v: string, r) => (can('reports.read') ? <Link to={`/console/reports/${r.id}`}>{v}</Link> : v) },
            { title: t('st.items.state'), dataIndex: 'state', render: (s: string) => t(`rptState.${s}` as 'rptState.closed') },
            { title: t('st.items.category'), dataIndex: 'categoryName' },
            { title: t('st.jurisdiction'), dataIndex: 'jurisdictionName' },
            { title: t(perSubcase ? 'st.items.sentAt' : 'st.items.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            { title: t('st.items.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          ]} />
      </Card>
    </div>
  );
}
