import { useState } from 'react';
import { AutoComplete, Card, Flex, Input, Tag } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { AuditTable, type AuditFilters } from './AuditTable';
import { useEvents } from './audit.api';
import { KNOWN_SUBJECT_TYPES, subjectTypeLabel } from './labels';

const PAGE_SIZE = 30;

export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [typeInput, setTypeInput] = useState('');
  const [idInput, setIdInput] = useState('');
  const [page, setPage] = useState(1);
  const list = useEvents({
    subjectType: filters.subjectType,
    subjectId: filters.subjectId,
    actorId: filters.actor?.id,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const apply = (patch: Partial<AuditFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <AutoComplete
            allowClear
            style={{ width: 200 }}
            placeholder={t('audit.subjectType')}
            value={typeInput}
            options={KNOWN_SUBJECT_TYPES.map((v) => ({ value: v, label: t('common.withNote', { text: subjectTypeLabel(t, v), note: v }) }))}
            onChange={(v: string | undefined) => {
              setTypeInput(v ?? '');
              if (!v) apply({ subjectType: undefined });
            }}
            onSelect={(v) => apply({ subjectType: v || undefined })}
            onBlur={() => apply({ subjectType: typeInput.trim() || undefined })}
          />
          <Input.Search
            allowClear
            style={{ width: 300 }}
            placeholder={t('audit.subjectId')}
            value={idInput}
            onChange={(e) => {
              setIdInput(e.target.value);
              if (!e.target.value) apply({ subjectId: undefined });
            }}
            onSearch={(v) => apply({ subjectId: v.trim() || undefined })}
            maxLength={80}
          />
          {filters.actor && (
            <Tag closable onClose={() => apply({ actor: undefined })} color="blue">
              {t('audit.actorFilter', { name: filters.actor.name })}
            </Tag>
          )}
        </Flex>
        <AuditTable
          data={list.data}
          loading={list.isFetching}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          onFilter={(patch) => {
            if (patch.subjectType !== undefined) setTypeInput(patch.subjectType);
            if (patch.subjectId !== undefined) setIdInput(patch.subjectId);
            apply(patch);
          }}
        />
      </Card>
    </>
  );
}
