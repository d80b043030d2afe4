import { Button, Flex, Table, Typography } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import type { Page } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { ItemStatusTag } from './PatrolTags';
import { itemHeadline } from './QueueItemList';

interface Props {
  data: Page<PatrolItemView> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onOpen: (item: PatrolItemView) => void;
}

export function ItemsTable({ data, loading, page, pageSize, onPage, onOpen }: Props) {
  const t = useT();
  return (
    <div data-testid="patrol-items-table">
      <Table<PatrolItemView>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, pageSize, total: data?.total, onChange: onPage, showTotal: (total) => t('common.total', { total }), showSizeChanger: false }}
        columns={[
          { key: 'fetched', title: t('item.fetchedAt'), width: 150, render: (_, i) => formatDateTime(i.fetchedAt) },
          {
            key: 'headline',
            title: t('items.headline'),
            render: (_, i) => (
              <Flex vertical>
                <Typography.Link onClick={() => onOpen(i)} ellipsis style={{ maxWidth: 520 }}>
                  {itemHeadline(i)}
                </Typography.Link>
                {i.title && (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 520, fontSize: 12 }}>
                    {i.text.replace(/\s+/g, ' ').slice(0, 120)}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'source', title: t('item.source'), render: (_, i) => i.sourceName },
          { key: 'author', title: t('item.author'), render: (_, i) => i.author ?? '—' },
          { key: 'hits', title: t('items.hits'), width: 80, align: 'right', render: (_, i) => i.hits.length },
          { key: 'status', title: t('item.status'), width: 120, render: (_, i) => <ItemStatusTag status={i.status} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_, i) => (
              <Button size="small" type="link" onClick={() => onOpen(i)}>
                {t('common.view')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
