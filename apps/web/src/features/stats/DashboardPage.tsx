import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Flex, Row, Spin, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { isMessageKey, useT, type MessageKey } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { CategoryBars, JurisdictionMap, TrendChart } from './Charts';
import { DetailTabs } from './DetailTabs';
import { FigureCards, FigureLabel } from './FigureCards';
import { FigureDrawer } from './FigureDrawer';
import { PeriodPicker } from './PeriodPicker';
import { Timeliness } from './Timeliness';
import { exportWorkReport, exportXlsx, useDashboard, useFigureCatalogue } from './stats.api';
import { scopeQuery, useStatsScope } from './use-stats-scope';
import './stats.css';

/** 统计看板: figures, charts and tables for a period and a jurisdiction, drilled down 市 → 区县 → 镇街. */
export function DashboardPage() {
  const t = useT();
  const navigate = useNavigate();
  const showError = useShowError();
  const [scope, setScope] = useStatsScope();
  const q = useDashboard(scope);
  const [busy, setBusy] = useState<string | null>(null);
  const [figure, setFigure] = useState<string | null>(null);
  const catalogue = useFigureCatalogue().data;
  const figureLabel = (code: string) => (isMessageKey(`stWork.${code}`) ? t(`stWork.${code}` as MessageKey) : catalogue?.get(code)?.label ?? '');
  const d = q.data;
  const run = (key: string, fn: () => Promise<void>) => { setBusy(key); fn().catch(showError).finally(() => setBusy(null)); };
  const here = d ? { ...scope, jurisdictionId: d.jurisdiction.id } : scope;

  return (
    <div data-testid="stats-dashboard">
      <PageHeader
        title={t('st.title')}
        extra={<>
          <Button onClick={() => run('xlsx', () => exportXlsx(here))} loading={busy === 'xlsx'} disabled={!d} data-testid="stats-export-xlsx">{t('st.exportXlsx')}</Button>
          <Button type="primary" onClick={() => run('docx', () => exportWorkReport(here))} loading={busy === 'docx'} disabled={!d} data-testid="stats-export-docx">{t('st.exportDocx')}</Button>
        </>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex justify="space-between" wrap gap={12} align="center">
          <PeriodPicker scope={scope} onChange={setScope} />
          {d && (
            <Breadcrumb data-testid="stats-trail" items={d.trail.map((j, i) => ({
              title: i === d.trail.length - 1 ? <b>{j.name}</b> : <a onClick={() => setScope({ jurisdictionId: j.id })}>{j.name}</a>,
            }))} />
          )}
        </Flex>
      </Card>
      {q.error && <Alert type="error" showIcon message={t('error.unknown', { code: (q.error as { code?: string }).code ?? '' })} />}
      {!d ? <Spin /> : (
        <Spin spinning={q.isFetching}>
          <Flex justify="space-between" style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{d.period.from} — {d.period.to} · {t('st.clickHint')}</Typography.Text>
            {d.freshAt && <Typography.Text type="secondary">{t('st.freshAt', { at: formatDateTime(d.freshAt) })}</Typography.Text>}
          </Flex>
          <FigureCards d={d} scope={scope} />
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={14}><TrendChart d={d} /></Col>
            <Col xs={24} xl={10}><JurisdictionMap d={d} onDrill={(id) => setScope({ jurisdictionId: id })} /></Col>
            <Col xs={24} xl={12}>
              <CategoryBars d={d} onPick={(key) => navigate(`/console/stats/items?${scopeQuery(here, { figure: 'received', dim: 'category', key })}`)} />
            </Col>
            <Col xs={24} xl={12}><Timeliness d={d} /></Col>
            {d.extra.length > 0 && (
              <Col span={24}>
                <Card size="small" title={t('st.extra')}>
                  <Flex gap={32} wrap>{d.extra.map((x) => (
                    <a key={x.code} className="st-extra-value" onClick={() => setFigure(x.code)} data-testid={`stats-extra-${x.code}`}>
                      <Statistic title={<FigureLabel code={x.code}>{figureLabel(x.code)}</FigureLabel>} value={x.value} />
                    </a>
                  ))}</Flex>
                </Card>
              </Col>
            )}
          </Row>
          <div style={{ marginTop: 12 }}><DetailTabs d={d} scope={scope} /></div>
          <FigureDrawer code={figure} label={figure ? figureLabel(figure) : ''} scope={here} onClose={() => setFigure(null)} />
        </Spin>
      )}
    </div>
  );
}
