import { useMemo, useState, type Key } from 'react';
import { Flex, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { useT } from '../../i18n';
import { allIds, filterTree, type JurisdictionNode } from './tree';

interface Props {
  tree: JurisdictionNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function JurisdictionTree({ tree, selectedId, onSelect }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const visible = useMemo(() => filterTree(tree, query), [tree, query]);

  const toData = (nodes: JurisdictionNode[]): TreeDataNode[] =>
    nodes.map(({ item, children }) => ({
      key: item.id,
      title: (
        <Flex gap={6} align="center" data-testid="jurisdiction-node">
          <span>{item.name}</span>
          <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
            {t(`level.${item.level}`)}
          </Tag>
          {!item.active && <Tag color="default">{t('common.inactive')}</Tag>}
        </Flex>
      ),
      children: toData(children),
    }));

  // Until the user folds something, show the top two levels; while searching, show every match.
  const defaultExpanded = tree.flatMap((n) => [n.item.id, ...n.children.map((c) => c.item.id)]);
  const expandedKeys = query.trim() ? allIds(visible) : (expanded ?? defaultExpanded);

  return (
    <Flex vertical gap={12}>
      <Input.Search allowClear placeholder={t('jur.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
      <div data-testid="jurisdictions-tree">
        <Tree
          blockNode
          treeData={toData(visible)}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
        />
      </div>
    </Flex>
  );
}
