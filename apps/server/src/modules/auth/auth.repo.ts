import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions, sessions, units, users } from '../../db/schema';
import { grantsOf, rolesOf } from '../roles/grants.service';
import { accountByUsername } from '../users/accounts.service';
import type { AuthUser } from './auth.types';

export function createAuthRepo(db: Queryable) {
  return {
    findUserByUsername: (username: string) => accountByUsername(db, username),

    findSession: async (tokenHash: string) =>
      (await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).limit(1))[0],

    /** Loads everything a policy needs about a user in two queries. */
    async loadAuthUser(userId: string): Promise<AuthUser | undefined> {
      const [row] = await db
        .select({ user: users, unitKind: units.kind, jurisdictionId: jurisdictions.id, scopePath: jurisdictions.path })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
        .where(and(eq(users.id, userId), eq(users.active, true), eq(units.active, true)))
        .limit(1);
      if (!row) return undefined;
      const grants = await grantsOf(db, userId);
      return {
        id: row.user.id,
        username: row.user.username,
        displayName: row.user.displayName,
        unitId: row.user.unitId,
        unitKind: row.unitKind,
        jurisdictionId: row.jurisdictionId,
        scopePath: row.scopePath,
        roles: grants.roles,
        permissions: grants.permissions,
        mustChangePassword: row.user.mustChangePassword,
      };
    },

    rolesOf: (userId: string) => rolesOf(db, userId),

    async jurisdictionChain(path: string) {
      const ids = path.split('/').filter(Boolean);
      if (ids.length === 0) return [];
      const rows = await db.select().from(jurisdictions).where(inArray(jurisdictions.id, ids));
      return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
    },

    deleteSessionsOf: (userId: string) => db.delete(sessions).where(eq(sessions.userId, userId)),

    deleteExpiredSessions: (now: Date) => db.delete(sessions).where(sql`${sessions.expiresAt} < ${now}`),
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
