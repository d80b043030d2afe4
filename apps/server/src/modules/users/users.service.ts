import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { isPrivilegedPermission, type Permission, type UnitKind, type UserCreateInputSchema, type UserListQuerySchema, type UserUpdateInputSchema } from '@tianlang/contracts';
import type { Db, Queryable, Tx } from '../../db/client';
import { jurisdictions, units, users } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { diff } from '../../lib/changes';
import { AppError, assertThat, notFound } from '../../lib/errors';
import { assertStrongPassword, hashPassword } from '../../lib/passwords';
import { appendEvent, type EventInput } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { inScope, scopeFilter } from '../auth/scope';
import type { LoginThrottle } from '../auth/auth.service';
import type { UnitsService } from '../units/units.service';
import { endSessionsOf } from '../auth/sessions.service';
import { grantedTo, setRolesOf } from '../roles/grants.service';
import { createUsersRepo } from './users.repo';

type CreateInput = z.infer<typeof UserCreateInputSchema>;
type UpdateInput = z.infer<typeof UserUpdateInputSchema>;
type ListQuery = z.infer<typeof UserListQuerySchema>;

/** Whose jurisdiction counts: the user's subtree, or also the jurisdictions above it (a city officer in a district's matter). */
export type HolderReach = 'subtree' | 'subtree-and-above';
/** In a user's jurisdiction (`user`, `reach`), or in one unit (`unitId`: who at a sending unit hears back, its leaders). */
export interface HoldersQuery {
  /** one permission, or any of several */
  permission: Permission | string | readonly (Permission | string)[];
  /** the user whose jurisdiction scopes the answer */
  user?: Pick<AuthUser, 'scopePath'>;
  reach?: HolderReach;
  /** only users of this unit */
  unitId?: string;
  /** only these users (to check a chosen officer or assignee) */
  ids?: string[];
  /** only users of units of this kind (office, department, platform) */
  unitKind?: UnitKind;
}

/**
 * "Active officers holding permission P in scope" (or in one unit): the one way every module asks it (report
 * assignees, registry officers, the registry import, a sending unit's leaders), so the question is answered here
 * once: the accounts and their units from this module, who is granted P from `roles/grants.service.ts`. Runs on
 * `q`, a transaction when the caller is in one.
 */
export async function holdersOf(q: Queryable, { permission, user, reach = 'subtree', unitId, ids, unitKind }: HoldersQuery) {
  if (ids && ids.length === 0) return [];
  if (!user && !unitId) throw new Error('holdersOf: name a user (whose jurisdiction) or a unit');
  const rows = await q.select({ id: users.id, name: users.displayName, username: users.username, path: jurisdictions.path }).from(users)
    .innerJoin(units, eq(units.id, users.unitId)).innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
    .where(and(
      eq(users.active, true), inArray(users.id, grantedTo(q, permission)),
      user && reach === 'subtree' ? scopeFilter(user, jurisdictions.path) : undefined, unitId ? eq(users.unitId, unitId) : undefined,
      ids ? inArray(users.id, ids) : undefined, unitKind ? eq(units.kind, unitKind) : undefined,
    ));
  return !user || reach === 'subtree' ? rows : rows.filter((r) => inScope(user, r.path) || inScope({ scopePath: r.path }, user.scopePath));
}

export function createUsersService({ db, clock, units, throttle }: { db: Db; clock: Clock; units: UnitsService; throttle: LoginThrottle }) {
  const repo = createUsersRepo(db);

  /** Adds whether each user's sign-ins are being slowed down by failed attempts. */
  async function withThrottle<T extends { user: { username: string } }>(items: T[]) {
    const throttled = await throttle.throttledAccounts(items.map((i) => i.user.username));
    return items.map((i) => ({ ...i, throttled: throttled.has(i.user.username) }));
  }

  async function getVisible(actor: AuthUser, id: string) {
    const { items } = await repo.list({ scopePath: actor.scopePath, id }, { limit: 1, offset: 0 });
    if (!items[0]) throw notFound('user');
    return (await withThrottle(items))[0]!;
  }

  /** Roles must exist, and nobody may hand out a privileged permission they do not hold themselves. */
  async function resolveRoles(actor: AuthUser, codes: string[]) {
    const found = await repo.rolesByCodes([...new Set(codes)]);
    const missing = codes.filter((c) => !found.some((r) => r.code === c));
    assertThat(missing.length === 0, 'request.invalid', 'unknown roles', { issues: [{ path: 'roles', message: `unknown: ${missing.join(', ')}` }] });
    const granted = await repo.permissionsOfRoles(found.map((r) => r.id));
    const beyond = [...new Set(granted.map((g) => g.permission as Permission))]
      .filter((p) => isPrivilegedPermission(p) && !actor.permissions.has(p));
    assertThat(beyond.length === 0, 'auth.forbidden', 'cannot grant permissions you do not hold', { permissions: beyond });
    return found;
  }

  const event = (actor: AuthUser, id: string, e: Omit<EventInput, 'subjectType' | 'subjectId' | 'actorId' | 'actorRole' | 'unitId'>) =>
    ({ subjectType: 'user', subjectId: id, actorId: actor.id, actorRole: primaryRole(actor), unitId: actor.unitId, ...e });

  async function create(actor: AuthUser, input: CreateInput) {
    await units.getVisible(actor, input.unitId);
    assertThat(!(await repo.usernameTaken(input.username)), 'user.username_taken');
    assertStrongPassword(input.password, input.username);
    const roleRows = await resolveRoles(actor, input.roles);
    const passwordHash = await hashPassword(input.password);
    const id = randomUUID();
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.insert(users).values({
        id, username: input.username, displayName: input.displayName, unitId: input.unitId, passwordHash,
        passwordChangedAt: null, mustChangePassword: true, createdAt: now, updatedAt: now,
      });
      await setRolesOf(tx, id, roleRows.map((r) => r.id), { replace: false });
      await appendEvent(tx, event(actor, id, {
        action: 'user.created', toState: 'active', at: now,
        payload: { username: input.username, displayName: input.displayName, unitId: input.unitId, roles: input.roles },
      }));
    });
    return getVisible(actor, id);
  }

  async function update(actor: AuthUser, id: string, input: UpdateInput) {
    const current = await getVisible(actor, id);
    if (input.unitId) await units.getVisible(actor, input.unitId);
    const selfChange = id === actor.id && (input.active === false || input.roles || input.unitId);
    assertThat(!selfChange, 'user.cannot_modify_self', 'ask another administrator to change your own roles, unit or status');
    const roleRows = input.roles ? await resolveRoles(actor, input.roles) : null;
    const { reason, roles: newRoles, ...fields } = input;
    const changes = { ...diff(current.user, fields), ...diff({ roles: current.roles }, { roles: newRoles }) };
    if (Object.keys(changes).length === 0) return current;
    const now = clock.now();
    await db.transaction(async (tx: Tx) => {
      await tx.update(users).set({ ...fields, updatedAt: now }).where(eq(users.id, id));
      if (roleRows) {
        await setRolesOf(tx, id, roleRows.map((r) => r.id), { replace: true });
      }
      // Deactivation or a role change takes effect now, not at the next sign-in.
      if (fields.active === false || roleRows) await endSessionsOf(tx, id);
      await appendEvent(tx, event(actor, id, {
        action: 'user.updated', reason: reason ?? null, at: now, payload: { changes },
        fromState: current.user.active ? 'active' : 'inactive', toState: (fields.active ?? current.user.active) ? 'active' : 'inactive',
      }));
    });
    return getVisible(actor, id);
  }

  async function resetPassword(actor: AuthUser, id: string, password: string) {
    const current = await getVisible(actor, id);
    assertStrongPassword(password, current.user.username);
    const passwordHash = await hashPassword(password);
    const now = clock.now();
    await db.transaction(async (tx) => {
      // The admin knows this password: the user must choose their own at next sign-in (enforced by the auth hook).
      await tx.update(users).set({ passwordHash, passwordChangedAt: null, mustChangePassword: true, updatedAt: now }).where(eq(users.id, id));
      await endSessionsOf(tx, id);
      await throttle.clearAccount(tx, current.user.username);
      await appendEvent(tx, event(actor, id, { action: 'user.password_reset', at: now }));
    });
  }

  /** Clears the account's failed sign-ins and any wait they caused (an address's own count stays). */
  async function unlock(actor: AuthUser, id: string) {
    const current = await getVisible(actor, id);
    const now = clock.now();
    await db.transaction(async (tx) => {
      const cleared = await throttle.clearAccount(tx, current.user.username);
      if (!cleared) throw new AppError('resource.conflict', 'no failed sign-ins to clear');
      await appendEvent(tx, event(actor, id, { action: 'user.unlocked', fromState: 'throttled', toState: 'active', at: now }));
    });
    return getVisible(actor, id);
  }

  async function list(actor: AuthUser, q: ListQuery) {
    const { items, total } = await repo.list({ scopePath: actor.scopePath, unitId: q.unitId, role: q.role, q: q.q }, q);
    return { items: await withThrottle(items), total };
  }

  return { list, getVisible, create, update, resetPassword, unlock, holdersOf: (query: HoldersQuery) => holdersOf(db, query) };
}
export type UsersService = ReturnType<typeof createUsersService>;
