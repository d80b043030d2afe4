import { and, asc, count, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jurisdictions, lexiconRules, patrolHits, patrolItems, patrolSources, units } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { scopeFilter } from '../auth/scope';

type Status = 'clean' | 'pending' | 'confirmed' | 'dismissed';

export function createReviewService({ db, clock }: { db: Db; clock: Clock }) {
  /** Items belong to the unit that owns their source; a reviewer sees their jurisdiction's units. */
  const inScope = (user: AuthUser) => inArray(patrolItems.unitId, db.select({ id: units.id }).from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId)).where(scopeFilter(user, jurisdictions.path)));

  async function queue(user: AuthUser, groupBy: 'rule' | 'source') {
    const pending = and(eq(patrolItems.status, 'pending'), inScope(user));
    if (groupBy === 'source') {
      const rows = await db.select({ key: patrolSources.id, label: patrolSources.name, pending: count() }).from(patrolItems)
        .innerJoin(patrolSources, eq(patrolSources.id, patrolItems.sourceId)).where(pending)
        .groupBy(patrolSources.id, patrolSources.name).orderBy(desc(count()));
      return rows;
    }
    return db.select({ key: lexiconRules.id, label: lexiconRules.pattern, pending: sql<number>`count(distinct ${patrolItems.id})::int` })
      .from(patrolHits).innerJoin(patrolItems, eq(patrolItems.id, patrolHits.itemId))
      .innerJoin(lexiconRules, eq(lexiconRules.id, patrolHits.ruleId))
      .where(and(pending, eq(patrolHits.status, 'pending')))
      .groupBy(lexiconRules.id, lexiconRules.pattern).orderBy(desc(sql`count(distinct ${patrolItems.id})`));
  }

  async function list(user: AuthUser, q: { status?: Status; ruleId?: string; sourceId?: string; limit: number; offset: number }) {
    const where = and(
      inScope(user),
      q.status ? eq(patrolItems.status, q.status) : undefined,
      q.sourceId ? eq(patrolItems.sourceId, q.sourceId) : undefined,
      q.ruleId ? exists(db.select({ one: sql`1` }).from(patrolHits)
        .where(and(eq(patrolHits.itemId, patrolItems.id), eq(patrolHits.ruleId, q.ruleId)))) : undefined,
    );
    const rows = await db.select({ item: patrolItems, sourceName: patrolSources.name }).from(patrolItems)
      .innerJoin(patrolSources, eq(patrolSources.id, patrolItems.sourceId)).where(where)
      .orderBy(desc(patrolItems.fetchedAt), asc(patrolItems.id)).limit(q.limit).offset(q.offset);
    const [total] = await db.select({ n: count() }).from(patrolItems).where(where);
    return { items: await withHits(rows), total: total?.n ?? 0 };
  }

  async function withHits(rows: { item: typeof patrolItems.$inferSelect; sourceName: string }[]) {
    if (rows.length === 0) return [];
    const hits = await db.select({ hit: patrolHits, pattern: lexiconRules.pattern }).from(patrolHits)
      .innerJoin(lexiconRules, eq(lexiconRules.id, patrolHits.ruleId))
      .where(inArray(patrolHits.itemId, rows.map((r) => r.item.id))).orderBy(asc(patrolHits.start));
    return rows.map((r) => ({ ...r, hits: hits.filter((h) => h.hit.itemId === r.item.id) }));
  }

  async function get(user: AuthUser, id: string) {
    const rows = await db.select({ item: patrolItems, sourceName: patrolSources.name }).from(patrolItems)
      .innerJoin(patrolSources, eq(patrolSources.id, patrolItems.sourceId)).where(and(eq(patrolItems.id, id), inScope(user)));
    if (!rows[0]) throw notFound('patrol item');
    return (await withHits(rows))[0]!;
  }

  /**
   * Confirms or dismisses an item's pending hits. Rule statistics (confirmed / dismissed) move in
   * the same transaction, so precision in lexicon management is always exact.
   */
  async function review(user: AuthUser, id: string, input: { decision: 'confirm' | 'dismiss'; reason: string; hitIds?: string[] }) {
    const current = await get(user, id);
    const pending = current.hits.filter((h) => h.hit.status === 'pending' && (!input.hitIds || input.hitIds.includes(h.hit.id)));
    assertThat(pending.length > 0, 'patrol.already_reviewed', 'no pending hits to decide');
    const status = input.decision === 'confirm' ? 'confirmed' as const : 'dismissed' as const;
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.update(patrolHits).set({ status }).where(inArray(patrolHits.id, pending.map((h) => h.hit.id)));
      const perRule = new Map<string, number>();
      for (const h of pending) perRule.set(h.hit.ruleId, (perRule.get(h.hit.ruleId) ?? 0) + 1);
      for (const [ruleId, n] of perRule) {
        const column = status === 'confirmed' ? lexiconRules.confirmed : lexiconRules.dismissed;
        await tx.update(lexiconRules).set(status === 'confirmed' ? { confirmed: sql`${column} + ${n}` } : { dismissed: sql`${column} + ${n}` })
          .where(eq(lexiconRules.id, ruleId));
      }
      const remaining = current.hits.filter((h) => h.hit.status === 'pending').length - pending.length;
      const anyConfirmed = status === 'confirmed' || current.hits.some((h) => h.hit.status === 'confirmed');
      const next: Status = remaining > 0 ? 'pending' : anyConfirmed ? 'confirmed' : 'dismissed';
      await tx.update(patrolItems).set({ status: next, reviewedBy: user.id, reviewedAt: now }).where(eq(patrolItems.id, id));
      await appendEvent(tx, {
        subjectType: 'patrol_item', subjectId: id, action: `patrol.hits_${status}`, actorId: user.id, actorRole: primaryRole(user),
        unitId: user.unitId, fromState: current.item.status, toState: next, reason: input.reason,
        payload: { hitIds: pending.map((h) => h.hit.id), rules: [...perRule.keys()] }, at: now,
      });
    });
    return get(user, id);
  }

  return { queue, list, get, review };
}
export type ReviewService = ReturnType<typeof createReviewService>;
