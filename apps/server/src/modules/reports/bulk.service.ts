import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { BulkInput, ReportState } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { jurisdictions, reportBatches, reports, units, users, type ReportRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import type { HandlingService } from './handling.service';
import { lockReport } from './report-store';
import { reportFilterWhere } from './queue.service';
import { scopeFilter } from '../auth/scope';
import { eventsOfBatch } from '../audit/history.service';

const MAX = 500;
type ReplyInTx = (tx: Queryable, user: AuthUser, row: ReportRow, input: { templateId: string; values: Record<string, string> }, o: { at: Date; batchId: string | null }) => Promise<ReportRow>;

class Rollback extends Error {}

/**
 * Bulk actions run item by item inside one transaction, each item in its own savepoint: the
 * preview runs the very same code and rolls back, so what it shows is exactly what will happen.
 * The applied items carry the batch id on their events; the batch row records who asked what.
 */
export function createBulkService({ db, clock, handling, replyInTx }: { db: Db; clock: Clock; handling: HandlingService; replyInTx: ReplyInTx }) {
  async function selection(user: AuthUser, input: BulkInput): Promise<string[]> {
    if (input.ids) return input.ids;
    if (!input.filter) throw new AppError('request.invalid', 'give ids or a filter');
    const rows = await db.select({ id: reports.id }).from(reports).where(await reportFilterWhere(db, user, input.filter))
      .orderBy(desc(reports.priority), desc(reports.submittedAt)).limit(MAX + 1);
    if (rows.length > MAX) throw new AppError('report.bulk_too_many', `the filter selects more than ${MAX} reports`, { details: { max: MAX } });
    return rows.map((r) => r.id);
  }

  function step(input: BulkInput): (tx: Queryable, user: AuthUser, row: ReportRow, at: Date, batchId: string) => Promise<ReportRow> {
    const p = input.params;
    const need = (v: string | undefined, field: string) => {
      if (!v) throw new AppError('request.invalid', `params.${field} is required for ${input.action}`, { details: { field: `params.${field}` } });
      return v;
    };
    switch (input.action) {
      case 'accept': return (tx, u, r, at, batchId) => handling.acceptInTx(tx, u, r, p.reason, { at, batchId });
      case 'assign': { const userId = need(p.userId, 'userId'); return (tx, u, r, at, batchId) => handling.assignInTx(tx, u, r, userId, { at, batchId }); }
      case 'merge': { const intoId = need(p.intoId, 'intoId'); return (tx, u, r, at, batchId) => handling.mergeInTx(tx, u, r, intoId, p.reason ?? '批量合并', { at, batchId }); }
      case 'reply': { const templateId = need(p.templateId, 'templateId'); return (tx, u, r, at, batchId) => replyInTx(tx, u, r, { templateId, values: p.values ?? {} }, { at, batchId }); }
    }
  }

  async function run(user: AuthUser, input: BulkInput, commit: boolean) {
    const ids = await selection(user, input);
    const apply = step(input);
    const batchId = randomUUID();
    const at = clock.now();
    const items: { id: string; trackingNo: string; from: ReportState; to: ReportState | null; change: string; ok: boolean; error: string | null }[] = [];
    try {
      await db.transaction(async (tx) => {
        for (const id of ids) {
          const before = await lockReport(tx, id, user).catch(() => null);
          if (!before) { items.push({ id, trackingNo: '', from: 'submitted', to: null, change: '', ok: false, error: 'resource.not_found' }); continue; }
          try {
            const after = await tx.transaction(async (sp) => apply(sp, user, before, at, batchId));
            items.push({ id, trackingNo: before.trackingNo, from: before.state, to: after.state, change: describe(input, before, after), ok: true, error: null });
          } catch (err) {
            items.push({ id, trackingNo: before.trackingNo, from: before.state, to: null, change: '', ok: false, error: err instanceof AppError ? err.code : 'server.internal' });
          }
        }
        const applied = items.filter((i) => i.ok).length;
        if (!commit) throw new Rollback();
        await tx.insert(reportBatches).values({ id: batchId, action: input.action, actorId: user.id, params: { ...input.params, ids: ids.length, filter: input.filter ?? null }, applied, skipped: items.length - applied, createdAt: at });
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    const applicable = items.filter((i) => i.ok).length;
    return { batchId, items, applicable, skipped: items.length - applicable };
  }

  async function batch(user: AuthUser, id: string) {
    // a batch is its actor's office's row: another jurisdiction's batch does not exist for the user
    const [b] = await db.select({ b: reportBatches, actorName: users.displayName }).from(reportBatches)
      .innerJoin(users, eq(users.id, reportBatches.actorId)).innerJoin(units, eq(units.id, users.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
      .where(and(eq(reportBatches.id, id), scopeFilter(user, jurisdictions.path)));
    if (!b) throw new AppError('resource.not_found', 'batch not found');
    const written = await eventsOfBatch(db, id, 'report');
    const visible = written.length === 0 ? [] : await db.select({ id: reports.id, trackingNo: reports.trackingNo }).from(reports)
      .where(and(inArray(reports.id, [...new Set(written.map((e) => e.subjectId))]), scopeFilter(user, reports.jurisdictionPath)));
    const trackingNos = new Map(visible.map((r) => [r.id, r.trackingNo]));
    const rows = written.filter((e) => trackingNos.has(e.subjectId)).map((e) => ({ e, trackingNo: trackingNos.get(e.subjectId)! }));
    return {
      id: b.b.id, action: b.b.action, actorName: b.actorName, createdAt: b.b.createdAt.toISOString(), applied: b.b.applied, skipped: b.b.skipped,
      params: b.b.params, items: rows.map((r) => ({ reportId: r.e.subjectId, trackingNo: r.trackingNo, fromState: r.e.fromState, toState: r.e.toState, action: r.e.action })),
    };
  }

  return { preview: (u: AuthUser, i: BulkInput) => run(u, i, false), apply: (u: AuthUser, i: BulkInput) => run(u, i, true), batch };
}

function describe(input: BulkInput, before: ReportRow, after: ReportRow): string {
  switch (input.action) {
    case 'assign': return `assignee ${before.assigneeId ?? '-'} → ${after.assigneeId ?? '-'}`;
    case 'merge': return `merged into ${after.mergedIntoId}`;
    default: return `${before.state} → ${after.state}`;
  }
}
export type BulkService = ReturnType<typeof createBulkService>;
