import { Link } from 'react-router';
import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { isMessageKey, useT, type TFunction } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { consolePath } from '../shell/modules';
import type { EntityPage } from './registry.api';

type Entry = EntityPage['timeline'][number];

const sourceColors: Record<Entry['source'], string> = { entity: 'blue', report: 'orange', order: 'cyan', rectification: 'purple', task: 'geekblue' };

/** The registry's own events, then the reports module's (a report's or an order's steps), by their i18n keys. */
function actionText(t: TFunction, action: string): string {
  for (const key of [`action.${action}`, `rptEvent.${action}`]) if (isMessageKey(key)) return t(key);
  return t('regEvent.other');
}

function EntryBody({ e }: { e: Entry }) {
  const t = useT();
  const ref = e.ref && (e.source === 'report' ? <Link to={consolePath.module('reports', e.subjectId)} className="reg-mono">{e.ref}</Link> : <span className="reg-mono">{e.ref}</span>);
  return (
    <Flex vertical gap={2} data-testid="entity-timeline-entry">
      <Flex gap={6} align="center" wrap>
        <Tag color={sourceColors[e.source]} bordered={false}>{t(`regSource.${e.source}`)}</Tag>
        <Typography.Text strong>{actionText(t, e.action)}</Typography.Text>
        {ref}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(e.at)} · {e.actorName ?? t('reg.system')}
      </Typography.Text>
      {e.reason && <Typography.Text className="reg-text">{e.reason}</Typography.Text>}
    </Flex>
  );
}

/**
 * 时间线: the entity's own record (grading, moves, inspections, interviews, pledges) together with the
 * reports, disposals and platform orders that concern it, newest first.
 */
export function EntityTimeline({ timeline }: { timeline: Entry[] }) {
  const t = useT();
  const entries = [...timeline].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card
      size="small"
      className="reg-section"
      title={t('regTimeline.title', { count: entries.length })}
      styles={{ body: { maxHeight: 'calc(100vh - 140px)', overflowY: 'auto' } }}
      data-testid="entity-timeline"
    >
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regTimeline.empty')} />
      ) : (
        <Timeline items={entries.map((e, i) => ({ key: `${e.at}-${e.action}-${i}`, content: <EntryBody e={e} /> }))} />
      )}
    </Card>
  );
}
