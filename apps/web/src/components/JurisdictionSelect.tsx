import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { JurisdictionView } from '@tianlang/contracts';
import { useT } from '../i18n';
import { useJurisdictions } from '../features/jurisdictions/jurisdictions.api';
import { buildTree, type JurisdictionNode } from '../features/jurisdictions/tree';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

function toOptions(nodes: JurisdictionNode[], t: ReturnType<typeof useT>, includeInactive: boolean): TreeOption[] {
  return nodes
    .filter((n) => includeInactive || n.item.active)
    .map(({ item, children }: { item: JurisdictionView; children: JurisdictionNode[] }) => ({
      value: item.id,
      title: t('common.withNote', { text: item.name, note: t(`level.${item.level}`) }),
      children: toOptions(children, t, includeInactive),
    }));
}

interface Props {
  /** Set by Form.Item so the label points at the control. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Filters may pick inactive jurisdictions; forms that assign one may not. */
  includeInactive?: boolean;
  style?: CSSProperties;
}

export function JurisdictionSelect({ id, value, onChange, placeholder, allowClear, includeInactive = false, style }: Props) {
  const t = useT();
  const { data, isPending } = useJurisdictions();
  const treeData = useMemo(() => toOptions(buildTree(data?.items ?? []), t, includeInactive), [data, t, includeInactive]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={style}
    />
  );
}
