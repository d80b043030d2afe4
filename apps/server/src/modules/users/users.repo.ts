import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions, units, users } from '../../db/schema';
import { subtreeOf } from '../auth/scope';
import { holdsRole, permissionsOfRoles, roleCodesOf, rolesByCodes } from '../roles/grants.service';

export interface UserFilter { scopePath: string; unitId?: string; role?: string; q?: string; id?: string }

export function createUsersRepo(db: Queryable) {
  const where = (f: UserFilter): SQL | undefined => and(
    subtreeOf(jurisdictions.path, f.scopePath),
    f.unitId ? eq(users.unitId, f.unitId) : undefined,
    f.id ? eq(users.id, f.id) : undefined,
    f.q ? or(ilike(users.username, `%${f.q}%`), ilike(users.displayName, `%${f.q}%`)) : undefined,
    f.role ? holdsRole(users.id, f.role) : undefined,
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
      const roleRows = await roleCodesOf(db, rows.map((r) => r.user.id));
      const items = rows.map((r) => ({ ...r, roles: roleRows.filter((x) => x.userId === r.user.id).map((x) => x.code) }));
      return { items, total: total?.n ?? 0 };
    },
    rolesByCodes: (codes: string[]) => rolesByCodes(db, codes),
    permissionsOfRoles: (roleIds: string[]) => permissionsOfRoles(db, roleIds),
    usernameTaken: async (username: string) =>
      (await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1)).length > 0,
  };
}
export type UserListItem = Awaited<ReturnType<ReturnType<typeof createUsersRepo>['list']>>['items'][number];
