import { Card, Col, Collapse, Flex, Row, Statistic, Tooltip, Typography } from 'antd';
import { isMessageKey, useT } from '../../i18n';
import type { EntityPage } from './registry.api';

type Counts = EntityPage['counts'];
type Metric = EntityPage['scorecard'][number];

const COUNT_KEYS: (keyof Counts)[] = ['reports', 'disposals', 'orders', 'inspections', 'interviews', 'pledges', 'openRectifications', 'openTasks'];

/** How much the office has had to do with this entity, each figure counted from recorded events. */
export function CountsCard({ counts }: { counts: Counts }) {
  const t = useT();
  return (
    <Card size="small" className="reg-section" title={t('regCount.title')} data-testid="entity-counts">
      <Row gutter={[12, 12]}>
        {COUNT_KEYS.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Statistic
              title={t(`regCount.${k}`)}
              value={counts[k]}
              styles={{ content: (k === 'openRectifications' || k === 'openTasks') && counts[k] > 0 ? { color: '#d48806' } : undefined }}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function metricValue(m: Metric): string {
  if (m.value === null) return '—';
  // the server gives the on-time rate as a percentage already (85.7)
  return m.key === 'orders_on_time' ? `${m.value}%` : String(m.value);
}

/** 合规评分: each figure with the rule and the inputs it was computed from, so it can be checked by hand. */
export function ScorecardCard({ scorecard }: { scorecard: Metric[] }) {
  const t = useT();
  const label = (m: Metric) => {
    const key = `regScore.${m.key}`;
    return isMessageKey(key) ? t(key) : m.label;
  };
  return (
    <Card size="small" className="reg-section" title={t('regScore.title')} extra={<span className="reg-hint">{t('regScore.hint')}</span>} data-testid="entity-scorecard">
      <Row gutter={[12, 12]}>
        {scorecard.map((m) => (
          <Col key={m.key} xs={12} md={6}>
            <Tooltip title={m.explanation}>
              <Statistic title={label(m)} value={metricValue(m)} />
            </Tooltip>
          </Col>
        ))}
      </Row>
      <Collapse
        size="small"
        ghost
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'how',
            label: t('regScore.how'),
            children: (
              <Flex vertical gap={10} data-testid="scorecard-explanations">
                {scorecard.map((m) => (
                  <div key={m.key}>
                    <Typography.Text strong>{label(m)}：{metricValue(m)}</Typography.Text>
                    <div className="reg-text">{m.explanation}</div>
                    {Object.keys(m.inputs).length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('regScore.inputs')}
                        {Object.entries(m.inputs)
                          .map(([k, v]) => `${inputLabel(t, k)} ${v}`)
                          .join('，')}
                      </Typography.Text>
                    )}
                  </div>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

function inputLabel(t: ReturnType<typeof useT>, name: string): string {
  const key = `regScoreInput.${name}`;
  return isMessageKey(key) ? t(key) : name;
}
