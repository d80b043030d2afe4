import { Descriptions, Typography } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { ItemStatusTag } from './PatrolTags';

/** Only web links become clickable; anything else is shown as plain text. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** Where an item came from and how to prove what it said: source, author, link, times, hash. */
export function ItemMeta({ item }: { item: PatrolItemView }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      data-testid="patrol-item-meta"
      items={[
        { key: 'source', label: t('item.source'), children: item.sourceName },
        { key: 'author', label: t('item.author'), children: item.author ?? '—' },
        {
          key: 'link',
          label: t('item.link'),
          span: 'filled',
          children: item.url ? (
            isWebLink(item.url) ? (
              <Typography.Link href={item.url} target="_blank" rel="noopener noreferrer nofollow" ellipsis style={{ maxWidth: 460 }}>
                {item.url}
              </Typography.Link>
            ) : (
              <Typography.Text ellipsis>{item.url}</Typography.Text>
            )
          ) : (
            '—'
          ),
        },
        { key: 'published', label: t('item.publishedAt'), children: formatDateTime(item.publishedAt) || '—' },
        { key: 'fetched', label: t('item.fetchedAt'), children: formatDateTime(item.fetchedAt, true) },
        { key: 'external', label: t('item.externalId'), children: <Typography.Text copyable>{item.externalId}</Typography.Text> },
        { key: 'status', label: t('item.status'), children: <ItemStatusTag status={item.status} /> },
        {
          key: 'sha',
          label: t('item.sha256'),
          span: 'filled',
          children: (
            <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="patrol-item-sha256">
              {item.sha256}
            </Typography.Text>
          ),
        },
        { key: 'lexicon', label: t('item.lexiconVersion'), children: t('lex.versionNo', { version: item.lexiconVersion }) },
        ...(item.reviewedAt ? [{ key: 'reviewed', label: t('item.reviewedAt'), children: formatDateTime(item.reviewedAt) }] : []),
      ]}
    />
  );
}
