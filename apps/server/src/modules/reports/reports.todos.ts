import { and, asc, count, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Permission, ReportState } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { jurisdictions, reportCategories, reports } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';
import { scopeFilter } from '../auth/scope';
import type { TodoCatalogue, TodoItem, TodoList, TodoPage } from '../todos/todos.service';
import type { OrdersService } from './orders.service';
import type { TransfersService } from './transfers.service';
import { isoOrNull } from '../../lib/iso';

/**
 * The reports' waiting work. A queue step waits for the officers holding its permission in the
 * report's jurisdiction and above, unless someone holds the report: then it waits for that person
 * only (claim / assign, handling.service.ts). States as the queue tabs (queue.service.ts) name them.
 */
const STEPS: { code: string; labelZh: string; states: ReportState[]; permission: Permission; queue: string }[] = [
  { code: 'reports.accept', labelZh: '待受理', states: ['submitted'], permission: 'reports.intake', queue: 'new' },
  { code: 'reports.assess', labelZh: '待研判', states: ['accepted', 'assessing'], permission: 'reports.assess', queue: 'assessing' },
  { code: 'reports.dispose', labelZh: '待处置', states: ['disposing'], permission: 'reports.dispose', queue: 'disposing' },
  { code: 'reports.reply', labelZh: '待回复', states: ['disposed'], permission: 'reports.reply', queue: 'reply' },
];


export function registerReportTodos(todos: TodoCatalogue, deps: { db: Db; transfers: Pick<TransfersService, 'list'>; orders: Pick<OrdersService, 'list'> }) {
  const { db } = deps;
  for (const step of STEPS) {
    const where = (user: AuthUser): SQL => and(scopeFilter(user, reports.jurisdictionPath), inArray(reports.state, step.states),
      or(isNull(reports.assigneeId), eq(reports.assigneeId, user.id)))!;
    const countOf = async (user: AuthUser) => (await db.select({ n: count() }).from(reports).where(where(user)))[0]?.n ?? 0;
    todos.register({
      code: step.code, module: 'reports', labelZh: step.labelZh, permissions: [step.permission], link: `/console/reports?queue=${step.queue}`,
      count: countOf,
      list: async (user, page): Promise<TodoList> => {
        const rows = await db.select({ id: reports.id, trackingNo: reports.trackingNo, category: reportCategories.name, jurisdiction: jurisdictions.name,
          dueAt: reports.dueAt, status: reports.deadlineStatus })
          .from(reports).innerJoin(jurisdictions, eq(jurisdictions.id, reports.jurisdictionId))
          .leftJoin(reportCategories, eq(reportCategories.code, reports.categoryCode))
          .where(where(user)).orderBy(sql`${reports.dueAt} asc nulls last`, asc(reports.submittedAt), asc(reports.id)).limit(page.limit).offset(page.offset);
        const items: TodoItem[] = rows.map((r) => ({
          id: r.id, title: r.trackingNo, subtitle: [r.category, r.jurisdiction].filter(Boolean).join(' · '), dueAt: isoOrNull(r.dueAt), overdue: r.status === 'overdue', link: `/console/reports/${r.id}`,
        }));
        return { items, total: await countOf(user) };
      },
    });
  }
  registerTransferTodos(todos, deps.transfers);
  registerOrderTodos(todos, deps.orders);
}

type InboxPage = { items: { id: string; dueAt: string | null; deadlineStatus: string | null }[]; total: number };
/** A to-do read from a unit's inbox listing (transfers, orders): the state it waits in, the page as the inbox lists it. */
function inboxTodo<T extends InboxPage>(o: {
  code: string; labelZh: string; permission: Permission; link: string;
  list: (user: AuthUser, page: TodoPage) => Promise<T>; present: (item: T['items'][number]) => Pick<TodoItem, 'title' | 'subtitle'>;
}) {
  return {
    code: o.code, module: 'reports', labelZh: o.labelZh, permissions: [o.permission], link: o.link,
    list: async (user: AuthUser, page: TodoPage): Promise<TodoList> => {
      const res = await o.list(user, page);
      return { total: res.total, items: res.items.map((x) => ({ id: x.id, ...o.present(x), dueAt: x.dueAt, overdue: x.deadlineStatus === 'overdue', link: o.link })) };
    },
  };
}

/** 移交件 received by the user's unit: to sign for (待签收), then to answer (待回函). Reads the transfers inbox listing. */
export function registerTransferTodos(todos: TodoCatalogue, transfers: Pick<TransfersService, 'list'>) {
  for (const [code, labelZh, state] of [['transfers.sign', '待签收', 'sent'], ['transfers.reply', '待回函', 'signed']] as const) {
    todos.register(inboxTodo({
      code, labelZh, permission: 'transfers.handle', link: '/console/reports/transfers',
      list: (user, page) => transfers.list(user, 'inbox', { state, ...page }),
      present: (x) => ({ title: x.trackingNo, subtitle: `${x.fromUnitName}移交` }),
    }));
  }
}

/** 处置通知 to the user's platform, waiting for its answer (待反馈). Reads the orders inbox listing. */
export function registerOrderTodos(todos: TodoCatalogue, orders: Pick<OrdersService, 'list'>) {
  todos.register(inboxTodo({
    code: 'orders.answer', labelZh: '待反馈', permission: 'orders.answer', link: '/console/reports/orders',
    list: (user, page) => orders.list(user, 'inbox', { state: 'issued', ...page }),
    present: (x) => ({ title: x.orderNo, subtitle: x.requirement.slice(0, 40) }),
  }));
}
