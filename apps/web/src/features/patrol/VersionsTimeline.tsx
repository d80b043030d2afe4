import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useLexiconVersions } from './lexicon.api';

/** Every lexicon change is a version: who, when, what changed and why. Items carry the version they were scanned with. */
export function VersionsTimeline() {
  const t = useT();
  const versions = useLexiconVersions();
  const items = versions.data?.items ?? [];
  return (
    <Card title={t('lex.versions')} loading={versions.isPending} data-testid="lexicon-versions" styles={{ body: { maxHeight: 720, overflow: 'auto' } }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lex.versionsEmpty')} />
      ) : (
        <Timeline
          items={items.map((v) => ({
            key: v.version,
            color: v.summary.deactivated > 0 ? 'gray' : v.summary.added > 0 ? 'green' : 'blue',
            title: (
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{t('lex.versionNo', { version: v.version })}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(v.createdAt)}
                </Typography.Text>
              </Flex>
            ),
            content: (
              <Flex vertical gap={2} data-testid="lexicon-version">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.actorName ?? t('audit.system')} · {t('lex.ruleCount', { count: v.ruleCount })}
                </Typography.Text>
                <Typography.Text>{t('lex.versionSummary', { added: v.summary.added, changed: v.summary.changed, deactivated: v.summary.deactivated })}</Typography.Text>
                {v.summary.note && <Typography.Text type="secondary">{v.summary.note}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
