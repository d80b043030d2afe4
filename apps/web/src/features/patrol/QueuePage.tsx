import { useEffect, useState } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ItemDetail } from './ItemDetail';
import { usePatrolItems, useQueueGroups, type GroupBy } from './patrol.api';
import { QueueGroups } from './QueueGroups';
import { QueueItemList } from './QueueItemList';

const PAGE_SIZE = 20;

/** 待审队列: groups on the left, the group's pending items, and the chosen item with its hits. */
export function QueuePage() {
  const t = useT();
  const [groupBy, setGroupBy] = useState<GroupBy>('rule');
  const [group, setGroup] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Items decided here drop out at once, before the refreshed list arrives.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const groups = useQueueGroups(groupBy);
  const allPending = usePatrolItems({ status: 'pending', limit: 1, offset: 0 });
  const list = usePatrolItems({
    status: 'pending',
    ruleId: groupBy === 'rule' ? (group ?? undefined) : undefined,
    sourceId: groupBy === 'source' ? (group ?? undefined) : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const items = (list.data?.items ?? []).filter((i) => !decided.has(i.id));
  const total = list.data ? list.data.total - (list.data.items.length - items.length) : undefined;
  const selected = items.find((i) => i.id === selectedId) ?? items[0] ?? null;

  // When the last items of a later page are decided, step back instead of showing an empty page.
  const pageEmpty = list.data !== undefined && !list.isPlaceholderData && list.data.items.length === 0;
  useEffect(() => {
    if (pageEmpty && page > 1) setPage((p) => p - 1);
  }, [pageEmpty, page]);

  const choose = (next: { groupBy?: GroupBy; group?: string | null }) => {
    if (next.groupBy !== undefined) setGroupBy(next.groupBy);
    if (next.group !== undefined) setGroup(next.group);
    setPage(1);
    setSelectedId(null);
  };

  const onDecided = (current: PatrolItemView, after: PatrolItemView | null) => {
    // Partly decided: the item stays in the queue with its remaining hits.
    if (after && after.status === 'pending') return;
    const index = items.findIndex((i) => i.id === current.id);
    const next = items[index + 1] ?? items[index - 1] ?? null;
    setDecided((prev) => new Set(prev).add(current.id));
    setSelectedId(next?.id ?? null);
  };

  return (
    <div data-testid="patrol-queue">
      <PageHeader title={t('nav.patrolQueue')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={5}>
          <QueueGroups
            groupBy={groupBy}
            onGroupBy={(v) => choose({ groupBy: v, group: null })}
            groups={groups.data?.groups}
            allPending={allPending.data?.total}
            loading={groups.isPending}
            selected={group}
            onSelect={(key) => choose({ group: key })}
          />
        </Col>
        <Col xs={24} lg={17} xl={7}>
          <QueueItemList
            items={items}
            total={total}
            loading={list.isPending}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={setPage}
            selectedId={selected?.id ?? null}
            onSelect={setSelectedId}
          />
        </Col>
        <Col xs={24} xl={12}>
          {selected ? (
            <ItemDetail key={selected.id} item={selected} onDecided={(after) => onDecided(selected, after)} />
          ) : (
            <Card>
              <Empty description={t(list.isPending ? 'common.loading' : 'queue.nothingSelected')} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
