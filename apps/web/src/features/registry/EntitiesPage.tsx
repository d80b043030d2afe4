import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import { consolePath } from '../shell/modules';
import { EntitiesTable } from './EntitiesTable';
import { EntityFilters } from './EntityFilters';
import { EntityFormModal } from './EntityFormModal';
import { ExportModal } from './ExportModal';
import { useEntityList, type EntityFilter } from './registry.api';
import './registry.css';

/** 属地台账: the supervised platforms and accounts of the user's jurisdiction, searchable and filtered. */
export function EntitiesPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<EntityFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<'create' | 'export' | null>(null);
  const list = useEntityList({ ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  const manage = can('registry.manage');

  return (
    <div data-testid="registry-list">
      <PageHeader
        title={t('nav.registryList')}
        extra={
          <>
            {manage && (
              <Button onClick={() => void navigate(consolePath.module('registry', 'import'))} data-testid="registry-import">
                {t('regImport.button')}
              </Button>
            )}
            <Button onClick={() => setDialog('export')} data-testid="registry-export">
              {t('regExport.button')}
            </Button>
            {manage && (
              <Button type="primary" onClick={() => setDialog('create')} data-testid="registry-new">
                {t('reg.new')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <div style={{ marginBottom: 12 }}>
          <EntityFilters
            value={filter}
            onChange={(f) => {
              setFilter(f);
              setPage(1);
            }}
          />
        </div>
        <EntitiesTable
          data={list.data}
          loading={list.isFetching}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          }}
        />
      </Card>
      {dialog === 'create' && <EntityFormModal onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportModal filter={filter} total={list.data?.total} onClose={() => setDialog(null)} />}
    </div>
  );
}
