import { Button, Card, Col, Row, Statistic, Table, Tabs } from 'antd';
import { Link } from 'react-router';
import { STATS_DIMS } from '@tianlang/contracts/public';
import { useT, isMessageKey } from '../../i18n';
import { percent } from './format';
import { exportXlsx, type DashboardView, type ExportTable, type StatsScope } from './stats.api';
import { scopeQuery } from './use-stats-scope';

type Row = DashboardView['breakdowns']['category'][number];

/** Tables behind the charts: breakdowns, transfers, orders, trusted reporters, patrol; each exportable on its own. */
export function DetailTabs({ d, scope }: { d: DashboardView; scope: StatsScope }) {
  const t = useT();
  const here = { ...scope, jurisdictionId: d.jurisdiction.id };
  const link = (figure: string, dim: string, key: string, n: number) =>
    n === 0 ? 0 : <Link to={`/console/stats/items?${scopeQuery(here, { figure, dim, key })}`}>{n}</Link>;
  const label = (dim: string, r: Row) => {
    const k = dim === 'channel' ? `rptChannel.${r.key}` : dim === 'level' ? `level.${r.key}` : dim === 'grade' ? `stGrade.${r.key}` : '';
    return k && isMessageKey(k) ? t(k) : r.label;
  };
  const exportButton = (table: ExportTable) => <Button size="small" onClick={() => void exportXlsx(here, table)} data-testid={`stats-export-${table}`}>{t('st.exportTable')}</Button>;
  const breakdown = (dim: (typeof STATS_DIMS)[number]) => (
    <Card key={dim} size="small" title={t(`stDim.${dim}`)} extra={exportButton(dim)}>
      <Table<Row> size="small" rowKey="key" pagination={false} dataSource={d.breakdowns[dim]} locale={{ emptyText: t('st.empty') }}
        columns={[
          { title: t(`stDim.${dim}`), render: (_, r) => label(dim, r) },
          ...(['received', 'accepted', 'disposed', 'closed'] as const).map((m) => ({
            title: t(`stFig.${m}`), align: 'right' as const, render: (_: unknown, r: Row) => link(m, dim, r.key, r[m]),
          })),
        ]} />
    </Card>
  );
  return (
    <Tabs data-testid="stats-tabs" items={[
      { key: 'breakdowns', label: t('st.tabs.breakdowns'), children: (
        <Row gutter={[12, 12]}>{(['channel', 'zone', 'platform', 'level', 'grade'] as const).map((dim) => <Col key={dim} xs={24} lg={12}>{breakdown(dim)}</Col>)}</Row>
      ) },
      { key: 'transfers', label: t('st.tabs.transfers'), children: (
        <Card size="small" extra={exportButton('transfers')}>
          <Table size="small" rowKey="unitId" pagination={false} dataSource={d.transfers} locale={{ emptyText: t('st.empty') }} columns={[
            { title: t('st.transfer.unit'), dataIndex: 'unitName' },
            { title: t('st.transfer.sent'), align: 'right', render: (_, r) => link('transferred', 'transfer_unit', r.unitId, r.sent) },
            { title: t('st.transfer.replied'), dataIndex: 'replied', align: 'right' },
            { title: t('st.transfer.returned'), dataIndex: 'returned', align: 'right' }, { title: t('st.transfer.onTime'), dataIndex: 'onTime', align: 'right' },
            { title: t('st.transfer.rate'), dataIndex: 'replyRate', align: 'right', render: percent },
          ]} />
        </Card>
      ) },
      { key: 'orders', label: t('st.tabs.orders'), children: (
        <Card size="small" extra={exportButton('orders')}>
          <Table size="small" rowKey="platformUnitId" pagination={false} dataSource={d.orders} locale={{ emptyText: t('st.empty') }} columns={[
            { title: t('st.order.platform'), dataIndex: 'platformName' },
            { title: t('st.order.issued'), align: 'right', render: (_, r) => link('disposed', 'order_platform', r.platformUnitId, r.issued) },
            ...(['answered', 'done', 'partial', 'refused', 'onTime'] as const).map((k) => ({ title: t(`st.order.${k}`), dataIndex: k, align: 'right' as const })),
            { title: t('st.order.rate'), dataIndex: 'complianceRate', align: 'right', render: percent },
          ]} />
        </Card>
      ) },
      { key: 'reporters', label: t('st.tabs.reporters'), children: (
        <Card size="small" extra={exportButton('reporters')}>
          <Table size="small" rowKey="userId" pagination={false} dataSource={d.reporters} locale={{ emptyText: t('st.empty') }} columns={[
            { title: t('st.reporter.name'), dataIndex: 'name' },
            { title: t('st.reporter.received'), align: 'right', render: (_, r) => link('received', 'reporter', r.userId, r.received) },
            { title: t('st.reporter.founded'), dataIndex: 'founded', align: 'right' }, { title: t('st.reporter.unfounded'), dataIndex: 'unfounded', align: 'right' },
            { title: t('st.reporter.accuracy'), dataIndex: 'accuracy', align: 'right', render: percent },
          ]} />
        </Card>
      ) },
      { key: 'patrol', label: t('st.tabs.patrol'), children: (
        <Card size="small" extra={exportButton('patrol')}>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {(['scanned', 'hitItems', 'confirmed', 'dismissed'] as const).map((k) => <Col key={k} span={5}><Statistic title={t(`st.patrol.${k}`)} value={d.patrol[k]} /></Col>)}
            <Col span={4}><Statistic title={t('st.patrol.precision')} value={percent(d.patrol.precision)} /></Col>
          </Row>
          <Table size="small" rowKey="ruleId" pagination={false} dataSource={d.patrol.rules} locale={{ emptyText: t('st.empty') }} columns={[
            { title: t('st.patrol.rule'), dataIndex: 'pattern' }, { title: t('st.patrol.category'), dataIndex: 'category' },
            { title: t('st.patrol.hits'), dataIndex: 'hits', align: 'right' }, { title: t('st.patrol.confirmed'), dataIndex: 'confirmed', align: 'right' },
            { title: t('st.patrol.dismissed'), dataIndex: 'dismissed', align: 'right' }, { title: t('st.patrol.precision'), dataIndex: 'precision', align: 'right', render: percent },
          ]} />
        </Card>
      ) },
    ]} />
  );
}
