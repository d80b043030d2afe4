import { Card, Empty, Flex, Pagination, Tag, Typography } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';

interface Props {
  items: PatrolItemView[];
  total: number | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** What a list row says about an item: its title, or the start of its text. */
export const itemHeadline = (item: PatrolItemView) => item.title?.trim() || item.text.replace(/\s+/g, ' ').slice(0, 80);

export function QueueItemList({ items, total, loading, page, pageSize, onPage, selectedId, onSelect }: Props) {
  const t = useT();
  return (
    <Card loading={loading && items.length === 0} title={t('queue.items')} extra={total !== undefined && t('common.total', { total })} styles={{ body: { padding: 8 } }}>
      {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('queue.itemsEmpty')} />}
      {/* The list scrolls on its own so the item in review stays in view beside it. */}
      <Flex vertical gap={4} style={{ maxHeight: 'calc(100vh - 280px)', minHeight: 240, overflowY: 'auto' }} data-testid="patrol-queue-items">
        {items.map((item) => {
          const pending = item.hits.filter((h) => h.status === 'pending').length;
          return (
            <Flex
              key={item.id}
              vertical
              gap={4}
              role="button"
              tabIndex={0}
              aria-pressed={item.id === selectedId}
              className={`queue-row${item.id === selectedId ? ' is-selected' : ''}`}
              onClick={() => onSelect(item.id)}
              onKeyDown={(e) => e.key === 'Enter' && onSelect(item.id)}
              data-testid="patrol-queue-item"
            >
              <Typography.Text strong ellipsis>
                {itemHeadline(item)}
              </Typography.Text>
              <Flex gap={8} align="center" wrap>
                <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                  {t('queue.hitCount', { count: pending })}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {item.sourceName} · {formatDateTime(item.fetchedAt)}
                </Typography.Text>
              </Flex>
            </Flex>
          );
        })}
      </Flex>
      {total !== undefined && total > pageSize && (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} size="small" />
        </Flex>
      )}
    </Card>
  );
}
