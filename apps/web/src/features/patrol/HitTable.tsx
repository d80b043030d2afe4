import { Flex, Table, Tag, Typography } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { testId } from '../../lib/test-id';
import { categoryLabel, normalizationLabel } from './labels';
import { HitStatusTag } from './PatrolTags';

type Hit = PatrolItemView['hits'][number];

interface Props {
  hits: Hit[];
  selectable: boolean;
  selectedIds: string[];
  onSelect: (ids: string[]) => void;
  activeHitId: string | null;
  onActive: (id: string | null) => void;
}

/** Each hit: what matched, by which rule, in which category, and which evasions had to be undone to see it. */
export function HitTable({ hits, selectable, selectedIds, onSelect, activeHitId, onActive }: Props) {
  const t = useT();
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end);
  return (
    <Table<Hit>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={sorted}
      data-testid="patrol-hit-table"
      rowSelection={
        selectable
          ? {
              selectedRowKeys: selectedIds,
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (h) => ({ disabled: h.status !== 'pending' }),
            }
          : undefined
      }
      onRow={(h) => ({
        onMouseEnter: () => onActive(h.id),
        onMouseLeave: () => onActive(null),
        style: h.id === activeHitId ? { background: '#e6f0fa' } : undefined,
        ...testId('patrol-hit-row'),
      })}
      columns={[
        {
          key: 'matched',
          title: t('hit.matched'),
          render: (_, h) => <Typography.Text mark>{h.matched}</Typography.Text>,
        },
        {
          key: 'rule',
          title: t('hit.rule'),
          render: (_, h) => <Typography.Text code>{h.pattern}</Typography.Text>,
        },
        { key: 'category', title: t('hit.category'), render: (_, h) => categoryLabel(t, h.category) },
        {
          key: 'norms',
          title: t('hit.normalizations'),
          render: (_, h) =>
            h.normalizations.length === 0 ? (
              <Typography.Text type="secondary">{t('hit.verbatim')}</Typography.Text>
            ) : (
              <Flex wrap gap={4}>
                {h.normalizations.map((n) => (
                  <Tag key={n} color="blue" style={{ marginInlineEnd: 0 }}>
                    {normalizationLabel(t, n)}
                  </Tag>
                ))}
              </Flex>
            ),
        },
        { key: 'status', title: t('hit.status'), width: 90, render: (_, h) => <HitStatusTag status={h.status} /> },
      ]}
    />
  );
}
