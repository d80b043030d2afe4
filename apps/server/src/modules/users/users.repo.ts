import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions, roles, rolePermissions, units, userRoles, users } from '../../db/schema';
import { subtreeOf } from '../auth/scope';

export interface UserFilter { scopePath: string; unitId?: string; role?: string; q?: string; id?: string }

export function createUsersRepo(db: Queryable) {
  const where = (f: UserFilter): SQL | undefined => and(
    subtreeOf(jurisdictions.path, f.scopePath),
    f.unitId ? eq(users.unitId, f.unitId) : undefined,
    f.id ? eq(users.id, f.id) : undefined,
    f.q ? or(ilike(users.username, `%${f.q}%`), ilike(users.displayName, `%${f.q}%`)) : undefined,
    f.role ? sql`exists (select 1 from ${userRoles} ur join ${roles} r on r.id = ur.role_id
      where ur.user_id = ${users.id} and r.code = ${f.role})` : undefined,
  );
  return {
    async list(f: UserFilter, page: { limit: number; offset: number }) {
      const rows = await db
        .select({ user: users, unitName: units.name, unitPath: jurisdictions.path })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
        .where(where(f))
        .orderBy(asc(jurisdictions.path), asc(units.name), asc(users.username))
        .limit(page.limit).offset(page.offset);
      const [total] = await db.select({ n: count() }).from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId)).where(where(f));
      const roleRows = rows.length === 0 ? [] : await db
        .select({ userId: userRoles.userId, code: roles.code }).from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(inArray(userRoles.userId, rows.map((r) => r.user.id))).orderBy(asc(roles.code));
      const items = rows.map((r) => ({ ...r, roles: roleRows.filter((x) => x.userId === r.user.id).map((x) => x.code) }));
      return { items, total: total?.n ?? 0 };
    },
    rolesByCodes: (codes: string[]) => db.select().from(roles).where(inArray(roles.code, codes)),
    permissionsOfRoles: (roleIds: string[]) =>
      db.select({ permission: rolePermissions.permission }).from(rolePermissions).where(inArray(rolePermissions.roleId, roleIds)),
    usernameTaken: async (username: string) =>
      (await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1)).length > 0,
  };
}
export type UserListItem = Awaited<ReturnType<ReturnType<typeof createUsersRepo>['list']>>['items'][number];
