import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import type { TodoDef, TodoPage } from './todos.types';

export type { TodoDef, TodoItem, TodoList, TodoPage } from './todos.types';

/**
 * The to-do catalogue: "what waits for whom". Modules register their kinds from their own wiring
 * (`reports.todos.ts`, `patrol.todos.ts`, `registry.todos.ts`); the workbench reads only this.
 * A user gets the kinds their permissions allow, each counted and listed in their scope.
 */
export function createTodoCatalogue() {
  const defs = new Map<string, TodoDef>();
  const register = (def: TodoDef) => { defs.set(def.code, def); };
  const mine = (user: AuthUser) => [...defs.values()].filter((d) => d.permissions.some((p) => user.permissions.has(p)));
  const countOf = async (def: TodoDef, user: AuthUser) => (def.count ? def.count(user) : (await def.list(user, { limit: 1, offset: 0 })).total);

  /** The user's kinds of waiting work, each with its count. */
  async function summary(user: AuthUser) {
    const kinds = mine(user);
    const counts = await Promise.all(kinds.map((d) => countOf(d, user)));
    return { items: kinds.map((d, i) => ({ code: d.code, module: d.module, label: d.labelZh, link: d.link, count: counts[i]! })) };
  }

  /** One kind's items, soonest due first. An unknown kind is todo.unknown_kind; one the user may not have, auth.forbidden. */
  async function list(user: AuthUser, code: string, page: TodoPage) {
    const def = defs.get(code);
    if (!def) throw new AppError('todo.unknown_kind', `unknown to-do ${code}`, { details: { code } });
    if (!mine(user).includes(def)) throw new AppError('auth.forbidden', `needs one of ${def.permissions.join(', ')}`);
    return { code: def.code, label: def.labelZh, link: def.link, ...await def.list(user, page) };
  }

  return { register, summary, list, all: () => [...defs.values()] };
}
export type TodoCatalogue = ReturnType<typeof createTodoCatalogue>;
