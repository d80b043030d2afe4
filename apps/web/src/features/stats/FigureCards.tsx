import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { REPORT_FIGURES } from '@tianlang/contracts/public';
import { useT } from '../../i18n';
import { change } from './format';
import { useFigureCatalogue, type DashboardView, type StatsScope } from './stats.api';
import { scopeQuery } from './use-stats-scope';

/** A figure's label with its definition (from the figure catalogue) as a tooltip. */
export function FigureLabel({ code, children }: { code: string; children: React.ReactNode }) {
  const definition = useFigureCatalogue().data?.get(code)?.definition;
  if (!definition) return <>{children}</>;
  return (
    <Tooltip title={definition}>
      <span className="st-defined" data-testid={`stats-definition-${code}`}>{children}</span>
    </Tooltip>
  );
}

/** The eight report figures with 环比 and 同比; each number opens the reports behind it. */
export function FigureCards({ d, scope }: { d: DashboardView; scope: StatsScope }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]} data-testid="stats-figures">
      {REPORT_FIGURES.map((f) => {
        const v = d.figures[f];
        const mom = change(t, v.value, v.previous);
        const yoy = change(t, v.value, v.lastYear);
        return (
          <Col key={f} xs={12} sm={8} md={6} xl={3}>
            <Card size="small" className="st-figure">
              <div className="st-figure-label"><FigureLabel code={f}>{t(`stFig.${f}`)}</FigureLabel></div>
              <Link className="st-figure-value" to={`/console/stats/items?${scopeQuery({ ...scope, jurisdictionId: d.jurisdiction.id }, { figure: f })}`} data-testid={`stats-figure-${f}`}>
                {v.value.toLocaleString()}
              </Link>
              <Typography.Text type="secondary" className="st-figure-change">
                {t('st.vsPrevious')} <span className={`st-${mom.tone}`}>{mom.text}</span>
              </Typography.Text>
              <Typography.Text type="secondary" className="st-figure-change">
                {t('st.vsLastYear')} <span className={`st-${yoy.tone}`}>{yoy.text}</span>
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
