import { useState } from 'react';
import { Button, Card } from 'antd';
import type { PatrolSourceView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import { SourceFormModal } from './SourceFormModal';
import { SourcesTable } from './SourcesTable';
import { usePatrolSources } from './sources.api';

export function SourcesPage() {
  const t = useT();
  const can = useCan();
  const sources = usePatrolSources();
  const [editing, setEditing] = useState<PatrolSourceView | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('nav.patrolSources')}
        extra={
          can('patrol.manage') && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="source-create">
              {t('src.create')}
            </Button>
          )
        }
      />
      <Card>
        <SourcesTable sources={sources.data?.items} loading={sources.isFetching} onEdit={setEditing} />
      </Card>
      {editing && <SourceFormModal source={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
