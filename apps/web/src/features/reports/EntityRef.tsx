import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Flex, Select, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EntityRefView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { listEntities, registryKey } from '../registry/registry.api';
import { GradeTag } from '../registry/RegistryTags';
import { consolePath } from '../shell/modules';

const SEARCH_DELAY_MS = 300;

/** One line of the picker: name · type · grade · jurisdiction. */
function EntityOption({ entity: e }: { entity: EntityRefView }) {
  const t = useT();
  return (
    <Flex gap={6} align="center" className="rpt-entity-option">
      <Typography.Text strong ellipsis style={{ maxWidth: 240 }}>
        {e.name}
      </Typography.Text>
      <Typography.Text type="secondary">· {t(`regType.${e.type}`)} ·</Typography.Text>
      <GradeTag grade={e.grade} />
      <Typography.Text type="secondary" ellipsis style={{ marginLeft: 'auto', maxWidth: 160 }}>
        {e.jurisdictionName}
      </Typography.Text>
    </Flex>
  );
}

interface SelectProps {
  /** the entity the report names now, shown before anything is searched */
  initial: EntityRefView | null;
  value?: string;
  onChange?: (value: string | undefined) => void;
  testId: string;
}

/**
 * Picks a registry entity by searching the register (GET /api/registry/entities?q=…) as the officer types;
 * the value is the entity's id. A Form.Item control: render it only for users with registry.read.
 */
export function EntityRefSelect({ initial, value, onChange, testId }: SelectProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // the chosen entity stays resolvable (its label) whatever the current search returns
  const [chosen, setChosen] = useState<EntityRefView | null>(initial);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const list = useQuery({
    queryKey: [...registryKey, 'picker', q],
    queryFn: ({ signal }) => listEntities({ q: q || undefined, limit: 20, sort: q ? 'name' : 'updated' }, signal),
    enabled: open || q !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const found: EntityRefView[] = (list.data?.items ?? []).map((e) => ({ id: e.id, name: e.name, type: e.type, grade: e.grade, jurisdictionName: e.jurisdictionName }));
    const current = chosen && chosen.id === value && !found.some((e) => e.id === chosen.id) ? [chosen] : [];
    return [...current, ...found].map((e) => ({ value: e.id, label: e.name, entity: e }));
  }, [list.data, chosen, value]);

  return (
    <Select<string, (typeof options)[number]>
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('rptEntity.placeholder')}
      options={options}
      open={open}
      onOpenChange={setOpen}
      optionRender={(o) => <EntityOption entity={o.data.entity} />}
      labelRender={({ value: id, label }) => {
        const e = options.find((x) => x.value === id)?.entity;
        return e ? (
          <span>
            {e.name} <GradeTag grade={e.grade} />
          </span>
        ) : (
          label
        );
      }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('rptEntity.notFound')}
      onChange={(id, option) => {
        const picked = Array.isArray(option) ? undefined : option?.entity;
        setChosen(picked ?? null);
        setTyped('');
        onChange?.(id ?? undefined);
      }}
      data-testid={testId}
    />
  );
}

/** The entity a report or disposal names: its name and grade, linking to its registry page for those who may read it. */
export function EntityRefLabel({ entity, entityRef }: { entity: EntityRefView | null; entityRef: string | null }) {
  const t = useT();
  const can = useCan();
  if (!entity) {
    return entityRef ? <Typography.Text type="secondary">{t('rptEntity.unavailable')}</Typography.Text> : <span>—</span>;
  }
  return (
    <span data-testid="report-entity">
      {can('registry.read') ? <Link to={consolePath.module('registry', entity.id)}>{entity.name}</Link> : entity.name}{' '}
      <GradeTag grade={entity.grade} />
    </span>
  );
}
