import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { ORDER_STATES } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import { OrdersTable } from './OrdersTable';
import { useOrders, type OrderState } from './subcases.api';
import './reports.css';

const PAGE_SIZE = 20;

/** 处置通知: a platform liaison answers its platform's orders; the office follows answers, lateness and rechecks. */
function OrdersPage({ mode }: { mode: 'liaison' | 'office' }) {
  const t = useT();
  const can = useCan();
  const [state, setState] = useState<OrderState | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useOrders(mode === 'liaison' ? 'inbox' : 'outbox', { state: state === 'all' ? undefined : state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <div data-testid={`orders-${mode}`}>
      <PageHeader title={t(mode === 'liaison' ? 'nav.reportsOrders' : 'nav.reportsOrderTracking')} />
      <Card>
        <Segmented<OrderState | 'all'>
          style={{ marginBottom: 16 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[{ value: 'all', label: t('common.all') }, ...ORDER_STATES.map((s) => ({ value: s, label: t(`rptOrderState.${s}`) }))]}
          data-testid="orders-state"
        />
        <OrdersTable
          orders={list.data?.items ?? []}
          loading={list.isFetching}
          mode={mode}
          canRecheck={mode === 'office' && can('reports.dispose')}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage }}
        />
      </Card>
    </div>
  );
}

export const OrderInboxPage = () => <OrdersPage mode="liaison" />;
export const OrderTrackingPage = () => <OrdersPage mode="office" />;
