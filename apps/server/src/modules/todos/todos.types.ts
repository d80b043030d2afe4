import type { Permission } from '@tianlang/contracts';
import type { AuthUser } from '../auth/auth.types';

/** One thing waiting for the user, as the workbench lists it. `dueAt` is an ISO moment; `link` opens it in the console. */
export interface TodoItem { id: string; title: string; subtitle: string | null; dueAt: string | null; overdue: boolean; link: string }
export interface TodoPage { limit: number; offset: number }
export interface TodoList { items: TodoItem[]; total: number }

/**
 * A kind of waiting work a module registers: what waits (`list`), for whom (`permissions`, any of them,
 * and `list`/`count` scoped to the user with `modules/auth/scope.ts` or the user's own unit), and how
 * many (`count`, the list's total when absent). `count(user)` equals the list's total (todos.test.ts).
 */
export interface TodoDef {
  code: string;
  module: string;
  labelZh: string;
  /** the user holds at least one of these, or the kind is not theirs */
  permissions: readonly Permission[];
  /** where the whole queue opens in the console */
  link: string;
  count?(user: AuthUser): Promise<number>;
  list(user: AuthUser, page: TodoPage): Promise<TodoList>;
}
