import { and, asc, desc, eq, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { EntityFilter, EntityQuery } from '@tianlang/contracts';
import { normalizeAccountId, normalizeIcp, entityCanonicalUrl } from '@tianlang/core';
import type { Queryable } from '../../db/client';
import { jurisdictions, registryEntities, users } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';
import { norm, scopedJurisdictionPath } from './registry-query';
import { subtreeOf, inScope } from '../auth/scope';

export const listColumns = {
  e: {
    id: registryEntities.id, name: registryEntities.name, type: registryEntities.type, url: registryEntities.url, icpNo: registryEntities.icpNo,
    appId: registryEntities.appId, accountId: registryEntities.accountId, platformName: registryEntities.platformName,
    operatorName: registryEntities.operatorName, jurisdictionId: registryEntities.jurisdictionId, grade: registryEntities.grade,
    status: registryEntities.status, tags: registryEntities.tags, officerId: registryEntities.officerId, updatedAt: registryEntities.updatedAt,
  },
  jurisdictionName: jurisdictions.name,
  officerName: users.displayName,
};
export type ListRow = { e: { [K in keyof typeof listColumns.e]: (typeof registryEntities.$inferSelect)[K] }; jurisdictionName: string; officerName: string | null };

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The search condition: the normalized query as a substring of the normalized search text (trigram index). */
export function searchCondition(q: string): SQL {
  const n = norm(q);
  // an identifier typed in another form (全角, 繁体 province, http://m. host) still matches its stored form
  const alt = [normalizeIcp(q), entityCanonicalUrl(q)?.replace(/^https?:\/\//, ''), normalizeAccountId(q)].filter((x): x is string => !!x && x !== n);
  const terms = [n, ...alt.map((a) => norm(a))];
  return or(...terms.map((t) => sql`${registryEntities.searchText} like ${`%${escapeLike(t)}%`}`))!;
}

/** WHERE for a list, a draw pool or an export: always inside the user's jurisdiction subtree. */
export async function entityWhere(q: Queryable, user: AuthUser, f: EntityFilter): Promise<SQL> {
  const path = f.jurisdictionId ? await scopedJurisdictionPath(q, user, f.jurisdictionId) : user.scopePath;
  const conds: (SQL | undefined)[] = [subtreeOf(registryEntities.jurisdictionPath, path)];
  if (f.type) conds.push(eq(registryEntities.type, f.type));
  if (f.grade) conds.push(eq(registryEntities.grade, f.grade));
  if (f.status) conds.push(eq(registryEntities.status, f.status));
  if (f.officerId) conds.push(eq(registryEntities.officerId, f.officerId));
  if (f.tag) conds.push(sql`${registryEntities.tags} @> ${JSON.stringify([norm(f.tag)])}::jsonb`);
  if (f.q) conds.push(searchCondition(f.q));
  return and(...conds)!;
}

export async function listEntities(q: Queryable, user: AuthUser, query: EntityQuery) {
  const where = await entityWhere(q, user, query);
  const order = query.sort === 'name' ? [asc(registryEntities.nameNorm), asc(registryEntities.id)] : [desc(registryEntities.updatedAt), asc(registryEntities.id)];
  const rows = await q.select(listColumns).from(registryEntities)
    .innerJoin(jurisdictions, eq(jurisdictions.id, registryEntities.jurisdictionId))
    .leftJoin(users, eq(users.id, registryEntities.officerId))
    .where(where).orderBy(...order).limit(query.limit).offset(query.offset);
  const [c] = await q.select({ n: sql<number>`count(*)::int` }).from(registryEntities).where(where);
  return { rows: rows as ListRow[], total: Number(c?.n ?? 0) };
}

export async function listByIds(q: Queryable, ids: string[]): Promise<ListRow[]> {
  if (!ids.length) return [];
  return (await q.select(listColumns).from(registryEntities)
    .innerJoin(jurisdictions, eq(jurisdictions.id, registryEntities.jurisdictionId))
    .leftJoin(users, eq(users.id, registryEntities.officerId))
    .where(inArray(registryEntities.id, ids))) as ListRow[];
}

export interface DuplicateProbe {
  name?: string; type?: string; canonicalUrl?: string | null; icpNo?: string | null; accountId?: string | null; excludeId?: string;
  /** the asking user's scope: names are compared only within it */
  scopePath: string;
}
type Reason = 'same_icp' | 'same_url' | 'same_account' | 'similar_name';

/**
 * Entities that may be the same as the probe. Hard identifiers (ICP number, URL, account) are unique
 * across the whole register, so they are matched everywhere; a name only within the user's scope, so
 * a sibling district's entity names never surface. See `visibleDuplicates` for what may be shown.
 */
export async function findDuplicates(q: Queryable, p: DuplicateProbe, limit = 10) {
  const found = new Map<string, { id: string; path: string; reasons: Set<Reason>; similarity: number }>();
  const add = (rows: { id: string; path: string; sim?: number }[], reason: Reason) => {
    for (const r of rows) {
      const hit = found.get(r.id) ?? { id: r.id, path: r.path, reasons: new Set<Reason>(), similarity: 0 };
      hit.reasons.add(reason);
      hit.similarity = Math.max(hit.similarity, r.sim ?? 0);
      found.set(r.id, hit);
    }
  };
  const base = { id: registryEntities.id, path: registryEntities.jurisdictionPath };
  const notSelf = p.excludeId ? ne(registryEntities.id, p.excludeId) : undefined;
  if (p.icpNo) add(await q.select(base).from(registryEntities).where(and(eq(registryEntities.icpNo, p.icpNo), notSelf)), 'same_icp');
  if (p.canonicalUrl) add(await q.select(base).from(registryEntities).where(and(eq(registryEntities.canonicalUrl, p.canonicalUrl), notSelf)), 'same_url');
  if (p.accountId && p.type) {
    add(await q.select(base).from(registryEntities).where(and(eq(registryEntities.accountId, p.accountId), sql`${registryEntities.type} = ${p.type}`, notSelf)), 'same_account');
  }
  if (p.name && p.name.trim()) {
    const n = norm(p.name);
    const sim = sql<number>`similarity(${registryEntities.nameNorm}, ${n})`;
    add(await q.select({ ...base, sim }).from(registryEntities)
      .where(and(sql`${registryEntities.nameNorm} % ${n}`, sql`${sim} >= 0.4`, subtreeOf(registryEntities.jurisdictionPath, p.scopePath), notSelf))
      .orderBy(desc(sim)).limit(limit), 'similar_name');
  }
  return [...found.values()].sort((a, b) => b.reasons.size - a.reasons.size || b.similarity - a.similarity).slice(0, limit)
    .map((x) => ({ ...x, reasons: [...x.reasons] }));
}

/**
 * What a user may learn of the duplicates: everything of those in scope; of one elsewhere only that
 * one of the hard identifiers given is registered (no id, name, jurisdiction or name similarity).
 */
export function visibleDuplicates(scopePath: string, hits: Awaited<ReturnType<typeof findDuplicates>>) {
  return hits.flatMap((h) => {
    if (inScope({ scopePath }, h.path)) return [{ id: h.id as string | null, reasons: h.reasons, similarity: h.similarity }];
    const hard = h.reasons.filter((r) => r !== 'similar_name');
    return hard.length ? [{ id: null, reasons: hard, similarity: 0 }] : [];
  });
}

/** Tags on the entities of a jurisdiction subtree, most used first (at most 200). */
export async function tagsInUse(q: Queryable, scopePath: string): Promise<string[]> {
  const res = await q.execute(sql`select t.tag from ${registryEntities}, jsonb_array_elements_text(${registryEntities.tags}) as t(tag)
    where ${subtreeOf(registryEntities.jurisdictionPath, scopePath)}
    group by t.tag order by count(*) desc, t.tag limit 200`);
  return (res as unknown as { rows: { tag: string }[] }).rows.map((r) => r.tag);
}
