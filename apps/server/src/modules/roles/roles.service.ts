import { randomUUID } from 'node:crypto';
import { asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { isPrivilegedPermission, type Permission, type RoleCreateInputSchema, type RoleUpdateInputSchema, type RoleView } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { rolePermissions, roles, userRoles } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { diff } from '../../lib/changes';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';

type CreateInput = z.infer<typeof RoleCreateInputSchema>;
type UpdateInput = z.infer<typeof RoleUpdateInputSchema>;

/** The admin role keeps every admin permission, so the system cannot lock itself out. */
const LOCKED_ROLE = 'admin';

export function createRolesService({ db, clock }: { db: Db; clock: Clock }) {
  async function list(): Promise<RoleView[]> {
    const rows = await db.select().from(roles).orderBy(asc(roles.builtin), asc(roles.code));
    const perms = await db.select().from(rolePermissions);
    const counts = await db.select({ roleId: userRoles.roleId, n: count() }).from(userRoles).groupBy(userRoles.roleId);
    return rows.map((r) => ({
      id: r.id, code: r.code, name: r.name, description: r.description, builtin: r.builtin,
      permissions: perms.filter((p) => p.roleId === r.id).map((p) => p.permission as Permission).sort(),
      userCount: Number(counts.find((c) => c.roleId === r.id)?.n ?? 0),
    }));
  }

  async function get(id: string) {
    const found = (await list()).find((r) => r.id === id);
    if (!found) throw notFound('role');
    return found;
  }

  /** A role can only bundle privileged permissions its author holds: no escalation through role editing. */
  function assertGrantable(actor: AuthUser, permissions: readonly Permission[]) {
    const beyond = permissions.filter((p) => isPrivilegedPermission(p) && !actor.permissions.has(p));
    assertThat(beyond.length === 0, 'auth.forbidden', 'cannot grant permissions you do not hold', { permissions: beyond });
  }

  async function create(actor: AuthUser, input: CreateInput) {
    assertGrantable(actor, input.permissions);
    const exists = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, input.code));
    assertThat(exists.length === 0, 'resource.conflict', 'role code already used', { field: 'code' });
    const id = randomUUID();
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.insert(roles).values({ id, code: input.code, name: input.name, description: input.description ?? null, createdAt: now, updatedAt: now });
      const unique = [...new Set(input.permissions)];
      if (unique.length) await tx.insert(rolePermissions).values(unique.map((permission) => ({ roleId: id, permission })));
      await appendEvent(tx, {
        subjectType: 'role', subjectId: id, action: 'role.created', actorId: actor.id, actorRole: primaryRole(actor),
        unitId: actor.unitId, payload: { code: input.code, name: input.name, permissions: unique }, at: now,
      });
    });
    return get(id);
  }

  async function update(actor: AuthUser, id: string, input: UpdateInput) {
    const current = await get(id);
    assertThat(!(current.code === LOCKED_ROLE && input.permissions), 'role.builtin_locked', 'the admin role’s permissions are fixed');
    if (input.permissions) assertGrantable(actor, input.permissions);
    const { reason, permissions, ...fields } = input;
    const changes = { ...diff(current, fields), ...diff({ permissions: current.permissions }, { permissions }) };
    if (Object.keys(changes).length === 0) return current;
    const now = clock.now();
    await db.transaction(async (tx) => {
      if (Object.keys(fields).length) await tx.update(roles).set({ ...fields, updatedAt: now }).where(eq(roles.id, id));
      if (permissions) {
        await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id));
        const unique = [...new Set(permissions)];
        if (unique.length) await tx.insert(rolePermissions).values(unique.map((permission) => ({ roleId: id, permission })));
      }
      await appendEvent(tx, {
        subjectType: 'role', subjectId: id, action: 'role.updated', actorId: actor.id, actorRole: primaryRole(actor),
        unitId: actor.unitId, reason: reason ?? null, payload: { changes }, at: now,
      });
    });
    return get(id);
  }

  return { list, get, create, update };
}
export type RolesService = ReturnType<typeof createRolesService>;
