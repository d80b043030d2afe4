import { useState } from 'react';
import { Button, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { REPORT_QUEUES, type ReportFilter, type ReportQueue } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import { BulkBar } from './BulkBar';
import { QueueFilters, type QueueFilter } from './QueueFilters';
import { useReportList } from './reports.api';
import { ReportsTable } from './ReportsTable';
import { SavedViews } from './SavedViews';
import { StaffEntryModal } from './StaffEntryModal';
import './reports.css';

const PAGE_SIZE = 20;

/** 举报队列: the queue for the user's part of the work, filters, saved views and bulk actions. */
export function QueuePage() {
  const t = useT();
  const can = useCan();
  // Each role opens on the step it works on; handlers dispose of what the analysts have assessed.
  // a link may name the tab (the workbench's to-dos: ?queue=reply)
  const [params] = useSearchParams();
  const asked = params.get('queue');
  const [queue, setQueue] = useState<ReportQueue>(() =>
    asked && (REPORT_QUEUES as readonly string[]).includes(asked) ? (asked as ReportQueue)
      : can('reports.intake') ? 'new' : can('reports.assess') || can('reports.dispose') ? 'assessing' : 'all',
  );
  const [filter, setFilter] = useState<QueueFilter>({});
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [entry, setEntry] = useState(false);
  const list = useReportList({ queue, ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const bulk = can('reports.intake');

  const apply = (next: { queue?: ReportQueue; filter?: QueueFilter }) => {
    if (next.queue) setQueue(next.queue);
    if (next.filter) setFilter(next.filter);
    setPage(1);
    setSelected([]);
  };
  const applyView = ({ queue: q, ...rest }: ReportFilter) => apply({ queue: q, filter: rest });

  return (
    <div data-testid="reports-queue">
      <PageHeader
        title={t('nav.reportsQueue')}
        extra={
          can('reports.intake') && (
            <Button type="primary" onClick={() => setEntry(true)} data-testid="reports-new">
              {t('rptEntry.button')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={queue}
          onChange={(key) => apply({ queue: key as ReportQueue })}
          items={REPORT_QUEUES.map((q) => ({ key: q, label: <span data-testid={`reports-queue-tab-${q}`}>{t(`rptQueue.${q}`)}</span> }))}
          tabBarExtraContent={<SavedViews current={{ queue, ...filter }} onApply={applyView} />}
        />
        <div style={{ marginBottom: 12 }}>
          <QueueFilters value={filter} onChange={(f) => apply({ filter: f })} />
        </div>
        {bulk && selected.length > 0 && <BulkBar ids={selected} filter={{ queue, ...filter }} total={list.data?.total ?? 0} onClear={() => setSelected([])} />}
        <ReportsTable
          data={list.data}
          loading={list.isFetching}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          selected={bulk ? selected : null}
          onSelect={setSelected}
        />
      </Card>
      {entry && <StaffEntryModal onClose={() => setEntry(false)} />}
    </div>
  );
}
