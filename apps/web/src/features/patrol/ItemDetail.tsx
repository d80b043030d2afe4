import { useState } from 'react';
import { Button, Card, Divider, Flex, Typography } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { HandleAsReport } from './HandleAsReport';
import { HitTable } from './HitTable';
import { ItemMeta } from './ItemMeta';
import { ItemText } from './ItemText';
import { itemHeadline } from './QueueItemList';
import { ReviewModal, type Decision } from './ReviewModal';

interface Props {
  item: PatrolItemView;
  /** After a decision: the item as it now is, or null when it had already been decided elsewhere. */
  onDecided?: (after: PatrolItemView | null) => void;
  /** Drawn without its own card (inside a drawer). */
  bare?: boolean;
}

/** One item for review. Render with key={item.id} so hit selection starts fresh for each item. */
export function ItemDetail({ item, onDecided, bare }: Props) {
  const t = useT();
  const can = useCan();
  const [selectedHits, setSelectedHits] = useState<string[]>([]);
  const [activeHit, setActiveHit] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const pendingHits = item.hits.filter((h) => h.status === 'pending');
  const reviewable = item.status === 'pending' && pendingHits.length > 0 && can('patrol.review');
  const some = selectedHits.length > 0;

  const actions = item.status === 'confirmed' ? <HandleAsReport item={item} /> : reviewable && (
    <Flex gap={8} wrap>
      <Button type="primary" danger onClick={() => setDeciding('confirm')} data-testid="patrol-confirm">
        {some ? t('queue.confirmSelected', { count: selectedHits.length }) : t('queue.confirm')}
      </Button>
      <Button onClick={() => setDeciding('dismiss')} data-testid="patrol-dismiss">
        {some ? t('queue.dismissSelected', { count: selectedHits.length }) : t('queue.dismiss')}
      </Button>
    </Flex>
  );

  const body = (
    <Flex vertical gap={16} data-testid="patrol-item-detail">
      <ItemMeta item={item} />
      <ItemText item={item} activeHitId={activeHit} onHitClick={setActiveHit} />
      <div>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('item.hits', { count: item.hits.length })}
        </Divider>
        {reviewable && pendingHits.length > 1 && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('hit.selectHint')}
          </Typography.Paragraph>
        )}
        <HitTable
          hits={item.hits}
          selectable={reviewable && pendingHits.length > 1}
          selectedIds={selectedHits}
          onSelect={setSelectedHits}
          activeHitId={activeHit}
          onActive={setActiveHit}
        />
      </div>
      {bare && actions}
    </Flex>
  );

  return (
    <>
      {bare ? (
        body
      ) : (
        <Card title={<Typography.Text ellipsis>{item.title?.trim() || itemHeadline(item)}</Typography.Text>} extra={actions}>
          {body}
        </Card>
      )}
      {deciding && (
        <ReviewModal
          item={item}
          decision={deciding}
          hitIds={selectedHits}
          onClose={() => setDeciding(null)}
          onDone={(after) => {
            setDeciding(null);
            setSelectedHits([]);
            onDecided?.(after);
          }}
        />
      )}
    </>
  );
}
