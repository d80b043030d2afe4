import { eq } from 'drizzle-orm';
import type { MeView, Permission } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { units, users } from '../../db/schema';
import { createAuthRepo } from './auth.repo';
import type { AuthContext } from './auth.types';

export async function meView(db: Queryable, ctx: AuthContext): Promise<MeView> {
  const repo = createAuthRepo(db);
  const [row] = await db.select({ user: users, unit: units }).from(users)
    .innerJoin(units, eq(units.id, users.unitId)).where(eq(users.id, ctx.user.id));
  const chain = await repo.jurisdictionChain(ctx.user.scopePath);
  const own = chain[chain.length - 1]!;
  return {
    id: row!.user.id,
    username: row!.user.username,
    displayName: row!.user.displayName,
    locale: row!.user.locale,
    unit: { id: row!.unit.id, name: row!.unit.name, kind: row!.unit.kind },
    jurisdiction: { id: own.id, name: own.name, level: own.level, pathNames: chain.map((j) => j.name) },
    roles: await repo.rolesOf(ctx.user.id),
    permissions: [...ctx.user.permissions].sort() as Permission[],
    lastLoginAt: row!.user.lastLoginAt?.toISOString() ?? null,
    passwordChangedAt: row!.user.passwordChangedAt?.toISOString() ?? null,
    mustChangePassword: row!.user.mustChangePassword,
    sessionExpiresAt: ctx.expiresAt.toISOString(),
  };
}
