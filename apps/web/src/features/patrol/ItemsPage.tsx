import { useState } from 'react';
import { Button, Card, Drawer, Flex, Segmented, Select } from 'antd';
import type { PatrolItemView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import { ITEM_STATUSES } from './enums';
import { EntryModal } from './EntryModal';
import { ImportModal } from './ImportModal';
import { ItemDetail } from './ItemDetail';
import { ItemsTable } from './ItemsTable';
import { usePatrolItems, type PatrolItemStatus } from './patrol.api';
import { usePatrolSources } from './sources.api';

const PAGE_SIZE = 20;

/** 巡查信息: every item that came in, whatever its outcome, plus staff entry and file import. */
export function ItemsPage() {
  const t = useT();
  const can = useCan();
  const [status, setStatus] = useState<PatrolItemStatus | 'all'>('all');
  const [sourceId, setSourceId] = useState<string>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<PatrolItemView | null>(null);
  const [dialog, setDialog] = useState<'entry' | 'import' | null>(null);
  const sources = usePatrolSources();
  const list = usePatrolItems({ status: status === 'all' ? undefined : status, sourceId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const manage = can('patrol.manage');

  return (
    <>
      <PageHeader
        title={t('nav.patrolItems')}
        extra={
          manage && (
            <>
              <Button onClick={() => setDialog('import')} data-testid="patrol-import">
                {t('items.import')}
              </Button>
              <Button type="primary" onClick={() => setDialog('entry')} data-testid="patrol-entry">
                {t('items.enter')}
              </Button>
            </>
          )
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Segmented<PatrolItemStatus | 'all'>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[{ value: 'all', label: t('common.all') }, ...ITEM_STATUSES.map((s) => ({ value: s, label: t(`itemStatus.${s}`) }))]}
            data-testid="patrol-items-status"
          />
          <Select
            allowClear
            placeholder={t('items.filterSource')}
            style={{ width: 240 }}
            value={sourceId}
            onChange={(v: string | undefined) => {
              setSourceId(v);
              setPage(1);
            }}
            loading={sources.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={sources.data?.items.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Flex>
        <ItemsTable data={list.data} loading={list.isFetching} page={page} pageSize={PAGE_SIZE} onPage={setPage} onOpen={setOpen} />
      </Card>
      <Drawer open={open !== null} size={760} title={open ? t('items.detailTitle') : ''} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <ItemDetail key={open.id} item={open} bare onDecided={() => setOpen(null)} />}
      </Drawer>
      {dialog === 'entry' && <EntryModal sources={sources.data?.items ?? []} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportModal sources={sources.data?.items ?? []} onClose={() => setDialog(null)} />}
    </>
  );
}
