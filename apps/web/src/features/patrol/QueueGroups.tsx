import { Badge, Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useT } from '../../i18n';
import type { GroupBy, QueueGroup } from './patrol.api';

interface Props {
  groupBy: GroupBy;
  onGroupBy: (value: GroupBy) => void;
  groups: QueueGroup[] | undefined;
  /** All pending items; not the sum of the groups, as an item hitting two rules sits under both. */
  allPending: number | undefined;
  loading: boolean;
  selected: string | null;
  onSelect: (key: string | null) => void;
}

function GroupRow({ label, count, selected, onClick }: { label: string; count: number; selected: boolean; onClick: () => void }) {
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={8}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      className={`queue-row${selected ? ' is-selected' : ''}`}
      onClick={onClick}
      onKeyDown={(e) => e.key === 'Enter' && onClick()}
      data-testid="patrol-queue-group"
    >
      <Typography.Text ellipsis style={{ flex: 1 }}>
        {label}
      </Typography.Text>
      <Badge count={count} overflowCount={9999} showZero color={count > 0 ? '#d48806' : '#bfbfbf'} />
    </Flex>
  );
}

/** The left column of the queue: pending counts by rule or by source, plus "all pending". */
export function QueueGroups({ groupBy, onGroupBy, groups, allPending, loading, selected, onSelect }: Props) {
  const t = useT();
  return (
    <Card
      loading={loading && !groups}
      title={
        <Segmented<GroupBy>
          value={groupBy}
          onChange={onGroupBy}
          options={[
            { value: 'rule', label: t('queue.byRule') },
            { value: 'source', label: t('queue.bySource') },
          ]}
          data-testid="patrol-queue-groupby"
        />
      }
      styles={{ body: { padding: 8 } }}
    >
      <GroupRow label={t('queue.allPending')} count={allPending ?? 0} selected={selected === null} onClick={() => onSelect(null)} />
      {groups?.map((g) => (
        <GroupRow
          key={g.key}
          label={g.label}
          count={g.pending}
          selected={selected === g.key}
          onClick={() => onSelect(g.key)}
        />
      ))}
      {groups?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('queue.groupsEmpty')} />}
      {groupBy === 'rule' && groups && groups.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 12px 0' }}>
          {t('queue.ruleGroupHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
