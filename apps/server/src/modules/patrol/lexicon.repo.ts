import { and, asc, count, desc, eq, ilike, max, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { lexiconRules, lexiconVersions, users } from '../../db/schema';

export function createLexiconRepo(db: Queryable) {
  const precision = sql<number | null>`case when ${lexiconRules.confirmed} + ${lexiconRules.dismissed} = 0 then null
    else ${lexiconRules.confirmed}::float / (${lexiconRules.confirmed} + ${lexiconRules.dismissed}) end`;
  return {
    activeRules: () => db.select().from(lexiconRules).where(eq(lexiconRules.active, true)),
    byId: async (id: string) => (await db.select().from(lexiconRules).where(eq(lexiconRules.id, id)))[0],
    currentVersion: async () => (await db.select({ v: max(lexiconVersions.version) }).from(lexiconVersions))[0]?.v ?? 0,
    async list(q: { q?: string; category?: string; active?: 'true' | 'false'; sort: 'pattern' | 'hits' | 'precision'; limit: number; offset: number }) {
      const where = and(
        q.q ? ilike(lexiconRules.pattern, `%${q.q}%`) : undefined,
        q.category ? eq(lexiconRules.category, q.category) : undefined,
        q.active ? eq(lexiconRules.active, q.active === 'true') : undefined,
      );
      const order = q.sort === 'hits' ? [desc(lexiconRules.hits), asc(lexiconRules.pattern)]
        : q.sort === 'precision' ? [sql`${precision} asc nulls last`, desc(lexiconRules.hits)]
          : [asc(lexiconRules.pattern)];
      const items = await db.select().from(lexiconRules).where(where).orderBy(...order).limit(q.limit).offset(q.offset);
      const [total] = await db.select({ n: count() }).from(lexiconRules).where(where);
      return { items, total: total?.n ?? 0 };
    },
    versions: (limit: number) => db.select({ v: lexiconVersions, actorName: users.displayName }).from(lexiconVersions)
      .leftJoin(users, eq(users.id, lexiconVersions.actorId)).orderBy(desc(lexiconVersions.version)).limit(limit),
    countActive: async () => (await db.select({ n: count() }).from(lexiconRules).where(eq(lexiconRules.active, true)))[0]?.n ?? 0,
  };
}
