import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, Card, Drawer, Empty, List, Tag, Typography } from 'antd';
import { isMessageKey, useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useTodoItems, useTodos, type TodoSummary } from './todos.api';

const PAGE = 20;
type Kind = TodoSummary['items'][number];

/** 待办: each kind of work waiting for the user with its count; a kind opens its items, an item opens where it lives. */
export function TodoCard() {
  const t = useT();
  const todos = useTodos();
  const [open, setOpen] = useState<Kind | null>(null);
  const kinds = todos.data?.items ?? [];
  const label = (k: Kind) => (isMessageKey(`todo.${k.code}`) ? t(`todo.${k.code}` as MessageKey) : k.label);
  const waiting = kinds.filter((k) => k.count > 0);

  return (
    <Card title={t('home.todos')} loading={todos.isPending} style={{ height: '100%' }} data-testid="home-todos">
      {waiting.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todosNone')} />
      ) : (
        <List size="small" dataSource={waiting} renderItem={(k) => (
          <List.Item key={k.code} onClick={() => setOpen(k)} style={{ cursor: 'pointer' }} data-testid={`home-todo-${k.code}`}>
            <Typography.Link>{label(k)}</Typography.Link>
            <Badge count={k.count} overflowCount={9999} color="#1677ff" />
          </List.Item>
        )} />
      )}
      <TodoDrawer kind={open} label={open ? label(open) : ''} onClose={() => setOpen(null)} />
    </Card>
  );
}

function TodoDrawer({ kind, label, onClose }: { kind: Kind | null; label: string; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useTodoItems(kind?.code ?? null, { limit: PAGE, offset: (page - 1) * PAGE });
  const d = q.data;
  return (
    <Drawer open={!!kind} onClose={() => { setPage(1); onClose(); }} width={560} title={label} destroyOnHidden data-testid="home-todo-drawer"
      extra={kind && <Link to={kind.link} onClick={onClose}>{t('home.todoOpenQueue')}</Link>}>
      <List size="small" loading={q.isFetching} dataSource={d?.items ?? []} locale={{ emptyText: t('home.todoEmpty') }}
        pagination={d && d.total > PAGE ? { current: page, pageSize: PAGE, total: d.total, onChange: setPage, size: 'small' } : false}
        renderItem={(x) => (
          <List.Item key={x.id} extra={x.overdue ? <Tag color="red">{t('home.todoOverdue')}</Tag> : null}>
            <List.Item.Meta
              title={<Link to={x.link} onClick={onClose}>{x.title}</Link>}
              description={[x.subtitle, x.dueAt ? t('home.todoDue', { time: formatDateTime(x.dueAt) }) : null].filter(Boolean).join(' · ')} />
          </List.Item>
        )} />
    </Drawer>
  );
}
