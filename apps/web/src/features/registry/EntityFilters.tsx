import { Flex, Select } from 'antd';
import { useT } from '../../i18n';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { SearchInput } from '../reports/SearchInput';
import { ENTITY_TYPE_LIST, GRADE_LIST, STATUS_LIST, type EntityGrade, type EntityStatus, type EntityType } from './enums';
import { useRegistryOptions, type EntityFilter } from './registry.api';

interface Props {
  value: EntityFilter;
  onChange: (next: EntityFilter) => void;
}

/** The filter row above the register; the same filter picks the rows of an export and the pool of a draw. */
export function EntityFilters({ value, onChange }: Props) {
  const t = useT();
  const options = useRegistryOptions().data;
  const set = (patch: Partial<EntityFilter>) => onChange({ ...value, ...patch });
  const people = options?.staff ?? options?.officers ?? [];
  return (
    <Flex wrap gap={8} align="center" data-testid="registry-filters">
      <SearchInput value={value.q} onSearch={(q) => set({ q })} placeholder={t('reg.searchHint')} style={{ width: 280 }} testId="registry-filter-q" />
      <Select
        allowClear
        placeholder={t('reg.type')}
        style={{ width: 130 }}
        value={value.type}
        onChange={(type: EntityType | undefined) => set({ type })}
        options={ENTITY_TYPE_LIST.map((v) => ({ value: v, label: t(`regType.${v}`) }))}
        data-testid="registry-filter-type"
      />
      <Select
        allowClear
        placeholder={t('reg.grade')}
        style={{ width: 100 }}
        value={value.grade}
        onChange={(grade: EntityGrade | undefined) => set({ grade })}
        options={GRADE_LIST.map((v) => ({ value: v, label: t(`regGrade.${v}`) }))}
        data-testid="registry-filter-grade"
      />
      <JurisdictionSelect
        allowClear
        includeInactive
        placeholder={t('reg.jurisdiction')}
        style={{ width: 170 }}
        value={value.jurisdictionId}
        onChange={(jurisdictionId) => set({ jurisdictionId })}
      />
      <Select
        allowClear
        showSearch
        placeholder={t('reg.tag')}
        style={{ width: 130 }}
        value={value.tag}
        onChange={(tag: string | undefined) => set({ tag })}
        options={(options?.tags ?? []).map((v) => ({ value: v, label: v }))}
      />
      <Select
        allowClear
        placeholder={t('common.status')}
        style={{ width: 100 }}
        value={value.status}
        onChange={(status: EntityStatus | undefined) => set({ status })}
        options={STATUS_LIST.map((v) => ({ value: v, label: t(`regStatus.${v}`) }))}
      />
      <Select
        allowClear
        placeholder={t('reg.officer')}
        style={{ width: 140 }}
        value={value.officerId}
        onChange={(officerId: string | undefined) => set({ officerId })}
        options={people.map((p) => ({ value: p.id, label: p.name }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
    </Flex>
  );
}
