import { useState } from 'react';
import { App, Button, Card, Segmented, Switch, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import { useCan } from '../../lib/session';
import { useIsTopLevel } from '../../components/SettingSource';
import { useShowError } from '../../lib/use-show-error';
import { TermFormModal } from './TermFormModal';
import { useSetTermActive, useTerms, type TermView } from './terms.api';

/** The wrong → right list. Everyone may read it; patrol.manage may add entries and switch them off. */
export function TermList() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const terms = useTerms();
  const setActive = useSetTermActive();
  const [adding, setAdding] = useState(false);
  const [show, setShow] = useState<'active' | 'all'>('active');
  // kept at the top level only; below it read-only
  const top = useIsTopLevel();
  const manage = can('patrol.manage') && top;
  const rows = (terms.data?.items ?? []).filter((x) => show === 'all' || x.active);

  const toggle = (term: TermView, active: boolean) =>
    setActive.mutate({ id: term.id, active }, { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) });

  return (
    <Card
      title={t('terms.list')}
      extra={
        manage && (
          <Button type="primary" size="small" onClick={() => setAdding(true)} data-testid="term-create">
            {t('terms.add')}
          </Button>
        )
      }
    >
      <Segmented
        size="small"
        style={{ marginBottom: 12 }}
        value={show}
        onChange={(v) => setShow(v as 'active' | 'all')}
        options={[
          { value: 'active', label: t('terms.showActive') },
          { value: 'all', label: t('common.all') },
        ]}
      />
      <div data-testid="term-table">
        <Table<TermView>
          rowKey="id"
          size="small"
          loading={terms.isPending}
          dataSource={rows}
          pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
          locale={{ emptyText: t('terms.empty') }}
          columns={[
            { key: 'wrong', title: t('terms.wrong'), render: (_, x) => <Typography.Text delete={!x.active}>{x.wrong}</Typography.Text> },
            { key: 'right', title: t('terms.right'), render: (_, x) => <Typography.Text strong>{x.right}</Typography.Text> },
            { key: 'note', title: t('terms.note'), ellipsis: true, render: (_, x) => x.note ?? '' },
            {
              key: 'active',
              title: t('common.status'),
              width: 80,
              render: (_, x) =>
                manage ? (
                  <Switch size="small" checked={x.active} loading={setActive.isPending && setActive.variables?.id === x.id} onChange={(v) => toggle(x, v)} aria-label={x.wrong} />
                ) : (
                  t(x.active ? 'common.active' : 'common.inactive')
                ),
            },
          ]}
        />
      </div>
      {adding && <TermFormModal onClose={() => setAdding(false)} />}
    </Card>
  );
}
