import { useState } from 'react';
import { Button, Card, Flex, Input, Select } from 'antd';
import { UNIT_KINDS, type UnitKind, type UnitView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { PageHeader } from '../../components/PageHeader';
import { UnitFormModal } from './UnitFormModal';
import { UnitsTable } from './UnitsTable';
import { useUnits } from './units.api';

const PAGE_SIZE = 20;

export function UnitsPage() {
  const t = useT();
  const [kind, setKind] = useState<UnitKind>();
  const [jurisdictionId, setJurisdictionId] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);
  const list = useUnits({ kind, jurisdictionId, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('unit.title')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="unit-create">
            {t('unit.create')}
          </Button>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('unit.kind')}
            style={{ width: 180 }}
            value={kind}
            onChange={filter(setKind)}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
          <JurisdictionSelect allowClear includeInactive placeholder={t('unit.jurisdiction')} style={{ width: 220 }} value={jurisdictionId} onChange={filter(setJurisdictionId)} />
          <Input.Search allowClear placeholder={t('unit.searchPlaceholder')} style={{ width: 240 }} onSearch={filter(setQ)} maxLength={60} />
        </Flex>
        <UnitsTable
          data={list.data}
          loading={list.isFetching}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          onEdit={setEditing}
        />
      </Card>
      {editing && <UnitFormModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
