import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import { useT } from '../../i18n';
import { EChart } from './EChart';
import type { DashboardView } from './stats.api';

const COLORS = ['#1d4ed8', '#0891b2', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed'];

/** Received / accepted / disposed / closed per day or month. */
export function TrendChart({ d }: { d: DashboardView }) {
  const t = useT();
  const option = useMemo(() => {
    const measures = ['received', 'accepted', 'disposed', 'closed'] as const;
    return {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: d.trend.points.map((p) => (d.trend.grain === 'month' ? p.key.slice(0, 7) : p.key.slice(5))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: measures.map((m) => ({ name: t(`stFig.${m}`), type: 'line', smooth: false, symbolSize: 5, data: d.trend.points.map((p) => p[m]) })),
    };
  }, [d, t]);
  return (
    <Card size="small" title={t('st.trend')}>
      <EChart option={option} testId="stats-trend" />
    </Card>
  );
}

/** The children of the jurisdiction in view as a treemap; a block with children drills down. */
export function JurisdictionMap({ d, onDrill }: { d: DashboardView; onDrill: (id: string) => void }) {
  const t = useT();
  const option = useMemo(() => ({
    color: COLORS,
    tooltip: { formatter: (p: { name: string; value: number }) => `${p.name}<br/>${t('stFig.received')}: ${p.value}` },
    series: [{
      type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, top: 0, left: 0, right: 0, bottom: 0,
      label: { show: true, formatter: '{b}\n{c}', fontSize: 13 },
      levels: [{ itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 }, colorSaturation: [0.35, 0.6] }],
      data: d.jurisdictions.map((j, i) => ({ name: j.label, value: j.received, itemStyle: { color: COLORS[i % COLORS.length] } })),
    }],
  }), [d, t]);
  return (
    <Card size="small" title={t('st.byJurisdiction')} extra={<Typography.Text type="secondary">{t('st.drillHint')}</Typography.Text>}>
      {d.jurisdictions.length === 0 ? <Typography.Text type="secondary">{t('st.noChildren')}</Typography.Text> : d.jurisdictions.some((j) => j.received > 0) ? (
        <EChart option={option} testId="stats-treemap"
          onClick={(e) => { const j = d.jurisdictions.find((x) => x.label === e.name); if (j) onDrill(j.key); }} />
      ) : (
        <Typography.Text type="secondary">{t('st.empty')}</Typography.Text>
      )}
    </Card>
  );
}

/** Per category: disposed, still in progress, not accepted (stacked), largest first. */
export function CategoryBars({ d, onPick }: { d: DashboardView; onPick: (key: string) => void }) {
  const t = useT();
  const rows = d.breakdowns.category.slice(0, 12);
  const option = useMemo(() => ({
    color: ['#16a34a', '#f59e0b', '#94a3b8'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 100, right: 16, top: 36, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: [
      { name: t('stFig.disposed'), type: 'bar', stack: 'all', data: rows.map((r) => r.disposed) },
      { name: t('st.inProgress'), type: 'bar', stack: 'all', data: rows.map((r) => Math.max(0, r.accepted - r.disposed)) },
      { name: t('st.notAccepted'), type: 'bar', stack: 'all', data: rows.map((r) => Math.max(0, r.received - Math.max(r.accepted, r.disposed))) },
    ],
  }), [rows, t]);
  return (
    <Card size="small" title={t('st.byCategory')}>
      {rows.length ? <EChart option={option} testId="stats-categories" onClick={(e) => onPick(rows[e.dataIndex]!.key)} /> : <Typography.Text type="secondary">{t('st.empty')}</Typography.Text>}
    </Card>
  );
}
