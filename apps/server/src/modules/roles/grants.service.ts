import { asc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Permission } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { rolePermissions, roles, userRoles } from '../../db/schema';

/**
 * Who holds which role, and what a role grants: the roles module owns roles, their permissions and the
 * users' role assignments; users and auth read and set them here (plain functions on `q`, a transaction
 * when the caller is in one).
 */

/** A user's role codes and the permissions they grant (what a policy needs at sign-in). */
export async function grantsOf(q: Queryable, userId: string): Promise<{ roles: string[]; permissions: Set<Permission> }> {
  const grants = await q.select({ code: roles.code, permission: rolePermissions.permission }).from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(userRoles.userId, userId))
    .orderBy(roles.code);
  return {
    roles: [...new Set(grants.map((g) => g.code))],
    permissions: new Set(grants.flatMap((g) => (g.permission ? [g.permission as Permission] : []))),
  };
}

/** A user's roles, by code. */
export const rolesOf = (q: Queryable, userId: string) =>
  q.select({ code: roles.code, name: roles.name }).from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId)).orderBy(roles.code);

/** The role codes of some users, by code. */
export async function roleCodesOf(q: Queryable, userIds: string[]) {
  if (userIds.length === 0) return [];
  return q.select({ userId: userRoles.userId, code: roles.code }).from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(inArray(userRoles.userId, userIds)).orderBy(asc(roles.code));
}

/** A condition: the user whose id is in `userId` holds the role `code`. */
export const holdsRole = (userId: AnyColumn, code: string): SQL =>
  sql`exists (select 1 from ${userRoles} ur join ${roles} r on r.id = ur.role_id where ur.user_id = ${userId} and r.code = ${code})`;

/** A subquery of the ids of the users some role of whom grants `permission` (or any of several). */
export const grantedTo = (q: Queryable, permission: Permission | string | readonly (Permission | string)[]) =>
  q.selectDistinct({ userId: userRoles.userId }).from(userRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(inArray(rolePermissions.permission, typeof permission === 'string' ? [permission] : [...permission]));

export const rolesByCodes = (q: Queryable, codes: string[]) => q.select().from(roles).where(inArray(roles.code, codes));

export const permissionsOfRoles = (q: Queryable, roleIds: string[]) =>
  q.select({ permission: rolePermissions.permission }).from(rolePermissions).where(inArray(rolePermissions.roleId, roleIds));

/** Gives a user exactly these roles (a new user's, or replacing an existing user's). Call in the change's transaction. */
export async function setRolesOf(tx: Queryable, userId: string, roleIds: string[], { replace }: { replace: boolean }) {
  if (replace) await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId, roleId })));
}
