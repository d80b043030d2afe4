import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { DeadlineStatus, DeadlineUnit } from '@tianlang/contracts';
import { evaluateDeadline, type DeadlineHistoryEntry } from '@tianlang/core';
import type { Db, Queryable } from '../../db/client';
import { insertSql } from '../../db/insert-sql';
import { deadlines, type DeadlineRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { notFound } from '../../lib/errors';
import { appendEvent, type EventInput } from '../audit/events.service';
import type { CalendarService } from '../calendar/calendar.service';
import { activeUsersOfUnit, notifyUsers } from '../notifications/notifications.service';

export interface StartDeadlineInput {
  subjectType: string;
  subjectId: string;
  /** what the clock is for, e.g. "report.accept" */
  kind: string;
  unitId?: string | null;
  /** whose working-day calendar counts this clock (the subject's jurisdiction; null: the default calendar) */
  jurisdictionId?: string | null;
  assigneeId?: string | null;
  amount: number;
  unit: DeadlineUnit;
  label?: string;
  at: Date;
}

type Step = Exclude<DeadlineHistoryEntry['type'], never>;

const STATUS_TEXT: Record<DeadlineStatus, string> = { on_time: '正常', at_risk: '即将到期', overdue: '已超期' };

const toHistory = (row: DeadlineRow): DeadlineHistoryEntry[] =>
  row.history.map((h) => ({ type: h.type as Step, at: new Date(h.at), amount: h.amount }));

/**
 * Thrown by a status listener that cannot take its lock right now: the sweep rolls back this clock
 * and retries it next time, instead of waiting on (and deadlocking with) a user's transaction.
 */
export class DeferSweep extends Error {}

/** One flat INSERT of planned clocks (`plan(…).values`), for a statement that writes them with their subject's rows. */
export const insertDeadlinesSql = (rows: Record<string, unknown>[]) => insertSql(deadlines, rows);

/** The clocks of some subjects of a type (of one kind, if given), oldest first. */
export async function clocksOf(q: Queryable, subjectType: string, subjectIds: string[], kind?: string): Promise<DeadlineRow[]> {
  if (subjectIds.length === 0) return [];
  return q.select().from(deadlines).where(and(eq(deadlines.subjectType, subjectType), inArray(deadlines.subjectId, subjectIds),
    kind ? eq(deadlines.kind, kind) : undefined)).orderBy(asc(deadlines.startedAt));
}

/** Locks a subject's clocks of a kind for the transaction (callers keep their lock order: the sweep takes the clock first). */
export async function lockClocks(tx: Queryable, subjectType: string, subjectId: string, kind: string): Promise<void> {
  await tx.select({ id: deadlines.id }).from(deadlines)
    .where(and(eq(deadlines.subjectType, subjectType), eq(deadlines.subjectId, subjectId), eq(deadlines.kind, kind))).for('update');
}

/** Deadlines live in one table so one sweep can watch them all, whatever module started them. */
export function createDeadlinesService({ db, clock, calendar }: { db: Db; clock: Clock; calendar: CalendarService }) {
  /** Modules that keep a copy of a clock's status on their own rows (for queue filters) listen here. */
  const listeners: ((tx: Queryable, row: DeadlineRow, status: DeadlineStatus) => Promise<void>)[] = [];
  /** The row and its "started" event, computed but not written (the intake path batches them). */
  async function plan(q: Queryable, input: StartDeadlineInput) {
    const cal = await calendar.getCalendar(q, input.jurisdictionId ?? null);
    const snap = evaluateDeadline(input.at, { amount: input.amount, unit: input.unit }, [], input.at, cal);
    const values = {
      subjectType: input.subjectType, subjectId: input.subjectId, kind: input.kind, unitId: input.unitId ?? null, jurisdictionId: input.jurisdictionId ?? null,
      assigneeId: input.assigneeId ?? null, amount: input.amount, unit: input.unit, startedAt: input.at,
      dueAt: snap.dueAt, atRiskAt: snap.atRiskAt, state: snap.state, status: snap.status,
      createdAt: input.at, updatedAt: input.at,
    };
    const event: EventInput = {
      subjectType: input.subjectType, subjectId: input.subjectId, action: 'deadline.started', unitId: input.unitId ?? null,
      payload: { kind: input.kind, amount: input.amount, unit: input.unit, dueAt: snap.dueAt.toISOString() }, at: input.at,
    };
    return { values, event };
  }

  async function start(tx: Queryable, input: StartDeadlineInput): Promise<DeadlineRow> {
    const { values, event } = await plan(tx, input);
    const [row] = await tx.insert(deadlines).values(values).returning();
    await appendEvent(tx, event);
    return row!;
  }

  /** The running clock of a kind on a subject, if any. */
  async function running(tx: Queryable, subjectType: string, subjectId: string, kind: string) {
    const [row] = await tx.select().from(deadlines).where(and(eq(deadlines.subjectType, subjectType),
      eq(deadlines.subjectId, subjectId), eq(deadlines.kind, kind), or(eq(deadlines.state, 'running'), eq(deadlines.state, 'paused'))));
    return row;
  }

  /** pause / resume / extend / met / cancel: validated by the core engine, recorded on the subject. */
  async function step(tx: Queryable, id: string, type: Step, at: Date, opts: { amount?: number; actorId?: string; reason?: string } = {}) {
    const [row] = await tx.select().from(deadlines).where(eq(deadlines.id, id)).for('update');
    if (!row) throw notFound('deadline');
    const history = [...toHistory(row), { type, at, amount: opts.amount }];
    const snap = evaluateDeadline(row.startedAt, { amount: row.amount, unit: row.unit }, history, at, await calendar.getCalendar(tx, row.jurisdictionId));
    const [updated] = await tx.update(deadlines).set({
      history: history.map((h) => ({ type: h.type, at: h.at.toISOString(), ...(h.amount !== undefined ? { amount: h.amount } : {}) })),
      dueAt: snap.dueAt, atRiskAt: snap.atRiskAt, state: snap.state, status: snap.status, updatedAt: at,
    }).where(eq(deadlines.id, id)).returning();
    await appendEvent(tx, {
      subjectType: row.subjectType, subjectId: row.subjectId, action: `deadline.${type}`, actorId: opts.actorId ?? null,
      unitId: row.unitId, reason: opts.reason ?? null, fromState: row.state, toState: snap.state,
      payload: { kind: row.kind, dueAt: snap.dueAt.toISOString(), status: snap.status, amount: opts.amount ?? null }, at,
    });
    return updated!;
  }

  /**
   * Moves running clocks whose at-risk or due moment has passed, appends the event on the subject,
   * and notifies the assignee (or the whole unit). Idempotent: a status is only ever entered once.
   */
  async function sweep(limit = 500): Promise<{ atRisk: number; overdue: number }> {
    const now = clock.now();
    const due = await db.select().from(deadlines).where(and(
      eq(deadlines.state, 'running'),
      or(and(eq(deadlines.status, 'on_time'), lte(deadlines.atRiskAt, now)),
        and(sql`${deadlines.status} <> 'overdue'`, lte(deadlines.dueAt, now))),
    )).limit(limit);
    const counts = { atRisk: 0, overdue: 0 };
    for (const candidate of due) {
      try {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(deadlines).where(eq(deadlines.id, candidate.id)).for('update');
        if (!row || row.state !== 'running') return;
        const cal = await calendar.getCalendar(tx, row.jurisdictionId);
        const snap = evaluateDeadline(row.startedAt, { amount: row.amount, unit: row.unit }, toHistory(row), now, cal);
        if (snap.status === row.status) return;
        // Listeners first: they take (or give up on) the subject's row lock before the event chain's lock.
        for (const listener of listeners) await listener(tx, row, snap.status);
        await tx.update(deadlines).set({ status: snap.status, dueAt: snap.dueAt, atRiskAt: snap.atRiskAt, updatedAt: now })
          .where(eq(deadlines.id, row.id));
        await appendEvent(tx, {
          subjectType: row.subjectType, subjectId: row.subjectId, action: `deadline.${snap.status}`, unitId: row.unitId,
          fromState: row.status, toState: snap.status, payload: { kind: row.kind, dueAt: snap.dueAt.toISOString() }, at: now,
        });
        const recipients = row.assigneeId ? [row.assigneeId] : row.unitId ? await activeUsersOfUnit(tx, row.unitId) : [];
        await notifyUsers(tx, recipients, {
          kind: `deadline.${snap.status}`, title: `办理时限${STATUS_TEXT[snap.status]}：${row.kind}`,
          body: `${row.subjectType} ${row.subjectId} 的时限为 ${snap.dueAt.toISOString()}`,
          subjectType: row.subjectType, subjectId: row.subjectId, dedupeKey: `deadline:${row.id}:${snap.status}`,
        }, now);
        if (snap.status === 'at_risk') counts.atRisk++;
        else if (snap.status === 'overdue') counts.overdue++;
      });
      } catch (err) {
        if (!(err instanceof DeferSweep)) throw err;
      }
    }
    return counts;
  }

  const forSubject = (subjectType: string, subjectId: string) =>
    db.select().from(deadlines).where(and(eq(deadlines.subjectType, subjectType), eq(deadlines.subjectId, subjectId)));

  /** The clocks of a kind on many subjects (a list's due dates), by subject id. */
  async function ofSubjects(q: Queryable, subjectType: string, kind: string, subjectIds: string[]): Promise<Map<string, DeadlineRow>> {
    if (subjectIds.length === 0) return new Map();
    const rows = await q.select().from(deadlines)
      .where(and(eq(deadlines.subjectType, subjectType), eq(deadlines.kind, kind), inArray(deadlines.subjectId, subjectIds)));
    return new Map(rows.map((r) => [r.subjectId, r]));
  }

  const onStatusChange = (fn: (typeof listeners)[number]) => { listeners.push(fn); };
  return { plan, start, running, step, sweep, forSubject, ofSubjects, onStatusChange };
}
export type DeadlinesService = ReturnType<typeof createDeadlinesService>;
