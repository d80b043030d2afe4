import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { RectificationFollowUpKind } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { rectificationFollowUps, rectifications } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { assertInScope, scopeFilter } from '../auth/scope';
import { DeferSweep, type DeadlinesService } from '../deadlines/deadlines.service';
import { byEntity, bySources, itemsWhere } from './rectifications.repo';
import type { OpenRectificationsInput, RectificationKind, RectificationRow } from './rectifications.types';

export type * from './rectifications.types';
export { closingFollowUp, followUpView } from './rectifications.views';

/** `only`: the source types the caller's route acts on; an item of another owner is not found there. */
type Only = { only?: readonly string[] };

/** Subject and clock kind for owners without names of their own (the registry keeps registry_rectification). */
export const RECTIFICATION_SUBJECT = 'rectification';

/**
 * Rectification items 整改事项: opened by an inspection, an interview, a supervision round or a case in the
 * caller's transaction, each with its clock on the deadline engine; followed up (progress notes) and closed
 * as rectified or not rectified. Every change is an event on the item's chain, and the owning module's hook
 * notes it on its own subject. The owner registers its source types once (`register`).
 */
export function createRectificationsService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService }) {
  const { db, clock, deadlines } = deps;
  const kinds = new Map<string, RectificationKind>();
  const subjects = new Set<string>();

  function register<C>(kind: RectificationKind<C>) {
    for (const s of kind.sourceTypes) {
      if (kinds.has(s)) throw new Error(`rectification source ${s} is registered twice`);
      kinds.set(s, kind as RectificationKind);
    }
    subjects.add(kind.subjectType);
  }
  function kindOf(sourceType: string) {
    const k = kinds.get(sourceType);
    if (!k) throw new Error(`rectification source ${sourceType} is not registered`);
    return k;
  }

  /** Opens the items in the caller's transaction: row, event, clock. Returns their ids and due times. */
  async function open(tx: Queryable, user: AuthUser, input: OpenRectificationsInput) {
    const kind = kindOf(input.sourceType);
    const out: { id: string; dueAt: string }[] = [];
    for (const [ordinal, item] of input.items.entries()) {
      const [r] = await tx.insert(rectifications).values({
        sourceType: input.sourceType, sourceId: input.sourceId, entityId: input.entityId ?? null, jurisdictionId: input.jurisdiction.id,
        jurisdictionPath: input.jurisdiction.path, requirement: item.description, ordinal, createdBy: user.id, createdAt: input.at,
      }).returning();
      await appendEvent(tx, {
        subjectType: kind.subjectType, subjectId: r!.id, action: 'rectification.opened', actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId,
        toState: 'open', payload: { sourceType: input.sourceType, sourceId: input.sourceId, entityId: input.entityId ?? null, requirement: item.description }, at: input.at,
      });
      const d = await deadlines.start(tx, {
        subjectType: kind.subjectType, subjectId: r!.id, kind: kind.clockKind, unitId: user.unitId, jurisdictionId: user.jurisdictionId, amount: item.days, unit: item.unit, at: input.at,
      });
      await tx.update(rectifications).set({ dueAt: d.dueAt, deadlineStatus: d.status }).where(eq(rectifications.id, r!.id));
      out.push({ id: r!.id, dueAt: d.dueAt.toISOString() });
    }
    return out;
  }

  /** A follow-up: a progress note keeps the item open; rectified / not_rectified close it and stop its clock. */
  async function record(user: AuthUser, id: string, kind: RectificationFollowUpKind, note: string, o: Only): Promise<RectificationRow> {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const [row] = await tx.select().from(rectifications).where(eq(rectifications.id, id)).for('update');
      if (!row || (o.only && !o.only.includes(row.sourceType))) throw notFound('rectification');
      const k = kindOf(row.sourceType);
      let ctx: unknown;
      if (k.guard) ctx = await k.guard(tx, user, row);
      else assertInScope(user, row.jurisdictionPath, 'rectification');
      assertThat(row.state === 'open', k.invalidTransition ?? 'rectification.invalid_transition', '该整改事项已有跟踪结果');
      const closing = kind !== 'progress';
      const d = await deadlines.running(tx, k.subjectType, row.id, k.clockKind);
      const late = !!d && d.dueAt < at;
      if (d && closing) await deadlines.step(tx, d.id, kind === 'rectified' ? 'met' : 'cancel', at, { actorId: user.id, reason: note });
      const [f] = await tx.insert(rectificationFollowUps).values({ rectificationId: row.id, kind, note, actorId: user.id, createdAt: at }).returning();
      const next = closing
        ? (await tx.update(rectifications).set({ state: kind, closedAt: at, closedBy: user.id, deadlineStatus: null }).where(eq(rectifications.id, row.id)).returning())[0]!
        : row;
      await appendEvent(tx, {
        subjectType: k.subjectType, subjectId: row.id, action: closing ? 'rectification.closed' : 'rectification.followed_up', actorId: user.id,
        actorRole: primaryRole(user), unitId: user.unitId, fromState: row.state, toState: next.state, reason: note, payload: { followUpId: f!.id, kind, late }, at,
      });
      await k.onChange?.(tx, user, next, { kind, note, at, late, followUpId: f!.id }, ctx);
      return next;
    });
  }

  /** Keeps the items' copies of their clock status current when the sweep moves a clock. */
  deadlines.onStatusChange(async (tx, d, status) => {
    if (!subjects.has(d.subjectType)) return;
    const free = await tx.select({ id: rectifications.id }).from(rectifications).where(eq(rectifications.id, d.subjectId)).for('update', { skipLocked: true });
    if (free.length === 0) throw new DeferSweep(`rectification ${d.subjectId} is busy`);
    await tx.update(rectifications).set({ deadlineStatus: status }).where(eq(rectifications.id, d.subjectId));
  });

  /** Open items past their deadline in the user's jurisdiction (of the given source types), the longest overdue first. */
  async function overdue(user: AuthUser, page: { limit: number; offset: number }, sourceTypes: readonly string[]) {
    const where = and(eq(rectifications.state, 'open'), eq(rectifications.deadlineStatus, 'overdue'),
      inArray(rectifications.sourceType, [...sourceTypes]), scopeFilter(user, rectifications.jurisdictionPath));
    const [rows, [c]] = await Promise.all([
      db.select().from(rectifications).where(where).orderBy(asc(rectifications.dueAt), asc(rectifications.id)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(rectifications).where(where),
    ]);
    return { rows, total: c?.n ?? 0 };
  }

  return {
    register,
    open,
    overdue,
    /** an interim follow-up (in progress); the item stays open */
    followUp: (user: AuthUser, id: string, note: string, o: Only = {}) => record(user, id, 'progress', note, o),
    /** the closing follow-up */
    close: (user: AuthUser, id: string, result: 'rectified' | 'not_rectified', note: string, o: Only = {}) => record(user, id, result, note, o),
    /** the items a subject raised (its source type and ids), with their follow-ups */
    listFor: (q: Queryable, sourceType: string, sourceIds: string[]) => (sourceIds.length ? itemsWhere(q, bySources(sourceType, sourceIds)) : Promise.resolve([])),
    /** the items concerning an entity, all or only the open ones */
    forEntity: (q: Queryable, entityId: string) => itemsWhere(q, byEntity(entityId, false)),
    openFor: (q: Queryable, entityId: string) => itemsWhere(q, byEntity(entityId, true)),
    /** the items follow their entity when it moves to another jurisdiction (the entity's move event records it) */
    followEntity: async (tx: Queryable, entityId: string, jurisdiction: { id: string; path: string }) => {
      await tx.update(rectifications).set({ jurisdictionId: jurisdiction.id, jurisdictionPath: jurisdiction.path }).where(eq(rectifications.entityId, entityId));
    },
  };
}
export type RectificationsService = ReturnType<typeof createRectificationsService>;
