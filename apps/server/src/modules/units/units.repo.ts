import { and, asc, count, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import type { UnitKind } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { jurisdictions, units, users } from '../../db/schema';
import { subtreeOf } from '../auth/scope';

export interface UnitFilter { scopePath: string; kind?: UnitKind; jurisdictionId?: string; q?: string; id?: string }

export function createUnitsRepo(db: Queryable) {
  const where = (f: UnitFilter): SQL | undefined => and(
    subtreeOf(jurisdictions.path, f.scopePath),
    f.kind ? eq(units.kind, f.kind) : undefined,
    f.jurisdictionId ? eq(units.jurisdictionId, f.jurisdictionId) : undefined,
    f.id ? eq(units.id, f.id) : undefined,
    f.q ? or(ilike(units.name, `%${f.q}%`), ilike(units.shortName, `%${f.q}%`)) : undefined,
  );
  const userCount = db.$with('user_count').as(
    db.select({ unitId: users.unitId, n: count().as('n') }).from(users).groupBy(users.unitId),
  );
  return {
    async list(f: UnitFilter, page: { limit: number; offset: number }) {
      const items = await db.with(userCount)
        .select({ unit: units, jurisdictionName: jurisdictions.name, jurisdictionPath: jurisdictions.path, userCount: userCount.n })
        .from(units)
        .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
        .leftJoin(userCount, eq(userCount.unitId, units.id))
        .where(where(f))
        .orderBy(asc(jurisdictions.path), asc(units.kind), asc(units.name))
        .limit(page.limit).offset(page.offset);
      const [total] = await db.select({ n: count() }).from(units)
        .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId)).where(where(f));
      return { items, total: total?.n ?? 0 };
    },
    /** An active platform unit (a citizen names it on the public form), or null. */
    activePlatform: async (id: string) => {
      const [u] = await db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.id, id), eq(units.kind, 'platform'), eq(units.active, true)));
      return u ?? null;
    },
    /** The jurisdiction a unit belongs to (id and path), or null when there is no such unit. */
    jurisdictionOf: async (unitId: string) => {
      const [j] = await db.select({ id: jurisdictions.id, path: jurisdictions.path }).from(units)
        .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId)).where(eq(units.id, unitId));
      return j ?? null;
    },
    nameTaken: async (name: string, exceptId?: string) =>
      (await db.select({ id: units.id }).from(units)
        .where(and(eq(units.name, name), exceptId ? ne(units.id, exceptId) : undefined)).limit(1)).length > 0,
  };
}
/** The jurisdiction's office (网信办) unit: the oldest active unit of kind office there, or null. */
export async function officeUnitOf(q: Queryable, jurisdictionId: string): Promise<{ id: string; name: string } | null> {
  const [office] = await q.select({ id: units.id, name: units.name }).from(units)
    .where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.kind, 'office'), eq(units.active, true)))
    .orderBy(asc(units.createdAt)).limit(1);
  return office ?? null;
}

export type UnitListItem = Awaited<ReturnType<ReturnType<typeof createUnitsRepo>['list']>>['items'][number];
