import { eq } from 'drizzle-orm';
import { REPORT_SLA_DEFAULTS, type ReportSla } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { reports, reportSla, type ReportRow } from '../../db/schema';
import { DeferSweep, type DeadlinesService } from '../deadlines/deadlines.service';
import { resolveSetting } from '../settings';
import { SUBJECT } from './report-store';

export type ReportStage = keyof ReportSla;
const kindOf = (stage: ReportStage) => `report.${stage}`;

type ClockSubject = Pick<ReportRow, 'id' | 'categoryCode' | 'jurisdictionId' | 'jurisdictionPath'>;

/**
 * The three clocks of a report (accept 1, dispose 5, reply 2 working days by default; a category
 * may set its own, at the root or overridden by a jurisdiction for its subtree), counted on the
 * calendar of the report's jurisdiction. The report row keeps the running clock's due time and
 * status for the queues.
 */
export function createReportClocks({ deadlines }: { deadlines: DeadlinesService }) {
  let cache: { at: number; rows: (typeof reportSla.$inferSelect)[] } | undefined;

  /** The SLA in force for a category at a jurisdiction: the nearest level's row for the category, else for its parent, else the defaults. */
  async function sla(q: Queryable, at: Pick<ReportRow, 'categoryCode' | 'jurisdictionPath'>): Promise<ReportSla> {
    if (!cache || Date.now() - cache.at > 60_000) cache = { at: Date.now(), rows: await q.select().from(reportSla) };
    const effective = resolveSetting(cache.rows, at.jurisdictionPath, (r) => r.categoryCode);
    const r = effective.get(at.categoryCode) ?? effective.get(at.categoryCode.split('.')[0]!);
    return r ? { accept: r.accept, dispose: r.dispose, reply: r.reply } : REPORT_SLA_DEFAULTS;
  }

  /** Row values and event for the accept clock of a new report (written by the intake in one batch). */
  async function planAccept(q: Queryable, row: ClockSubject, unitId: string | null, at: Date) {
    const s = await sla(q, row);
    return deadlines.plan(q, {
      subjectType: SUBJECT, subjectId: row.id, kind: kindOf('accept'), unitId, jurisdictionId: row.jurisdictionId, amount: s.accept, unit: 'working_days', at,
    });
  }

  async function start(tx: Queryable, row: ReportRow, stage: ReportStage, unitId: string | null, at: Date) {
    const s = await sla(tx, row);
    const d = await deadlines.start(tx, {
      subjectType: SUBJECT, subjectId: row.id, kind: kindOf(stage), unitId, jurisdictionId: row.jurisdictionId, assigneeId: row.assigneeId,
      amount: s[stage], unit: 'working_days', at,
    });
    await tx.update(reports).set({ dueAt: d.dueAt, deadlineStatus: d.status }).where(eq(reports.id, row.id));
  }

  /** Stops a stage's clock (met, or cancelled when the report leaves the loop). */
  async function stop(tx: Queryable, row: ReportRow, stage: ReportStage, at: Date, how: 'met' | 'cancel' = 'met', actorId?: string) {
    const d = await deadlines.running(tx, SUBJECT, row.id, kindOf(stage));
    if (d) await deadlines.step(tx, d.id, how, at, { actorId });
    await tx.update(reports).set({ dueAt: null, deadlineStatus: null }).where(eq(reports.id, row.id));
  }

  /** Stops whichever clock runs (merge, reject, forward). */
  async function stopAll(tx: Queryable, row: ReportRow, at: Date, actorId?: string) {
    for (const stage of ['accept', 'dispose', 'reply'] as const) {
      const d = await deadlines.running(tx, SUBJECT, row.id, kindOf(stage));
      if (d) await deadlines.step(tx, d.id, 'cancel', at, { actorId });
    }
    await tx.update(reports).set({ dueAt: null, deadlineStatus: null }).where(eq(reports.id, row.id));
  }

  /** Keeps the report's copy of its clock status current when the sweep moves it. */
  deadlines.onStatusChange(async (tx, d, status) => {
    if (d.subjectType !== SUBJECT) return;
    // A user's action locks the report and then its clocks; the sweep holds the clock, so it must not wait for the report.
    const free = await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, d.subjectId)).for('update', { skipLocked: true });
    if (free.length === 0) throw new DeferSweep(`report ${d.subjectId} is busy`);
    await tx.update(reports).set({ deadlineStatus: status }).where(eq(reports.id, d.subjectId));
  });

  return { sla, planAccept, start, stop, stopAll, invalidate: () => { cache = undefined; } };
}
export type ReportClocks = ReturnType<typeof createReportClocks>;
