import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { EXTERNAL_UNIT_KINDS, ORDER_DEFAULT_HOURS, TRANSFER_DAYS, type DisposalInput } from '@tianlang/contracts';
import { outcomeOf } from '@tianlang/core';
import type { Db } from '../../db/client';
import { platformOrders, reportDisposals, reportTransfers, type ReportRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, assertThat } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';
import type { AuthUser } from '../auth/auth.types';
import type { DeadlinesService } from '../deadlines/deadlines.service';
import type { ReportClocks } from './report-clocks';
import { actorOf, lockReport, moveReport, noteReport } from './report-store';
import { activeUnit, issueOrder } from './subcases';
import type { TransfersService } from './transfers.service';
import { assertEntityRef } from '../registry';

const DISPOSABLE = ['assessing', 'disposing', 'transferred'];

/**
 * 处置: each disposal names its legal basis and reasons; an order to a platform and a referral to a
 * department open a tracked sub-case. Completing needs every sub-case answered.
 */
export function createDisposalsService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService; clocks: ReportClocks; secrets: Secrets; transfers: TransfersService }) {
  const { db, clock, deadlines, clocks, transfers: transfersOf } = deps;

  async function add(user: AuthUser, reportId: string, input: DisposalInput): Promise<ReportRow> {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const row = await lockReport(tx, reportId, user);
      assertThat(DISPOSABLE.includes(row.state), 'report.invalid_transition', `cannot dispose a report in state ${row.state}`, { action: 'dispose', state: row.state });
      await assertEntityRef(tx, user.scopePath, input.entityRef);
      let target: { id: string; name: string } | null = null;
      if (input.kind === 'order_platform') {
        target = await activeUnit(tx, input.platformUnitId, ['platform']);
        if (!target) throw new AppError('report.disposal_invalid', 'the platform must be an active platform unit', { details: { field: 'platformUnitId' } });
      } else if (input.kind === 'referral') {
        target = await activeUnit(tx, input.toUnitId, EXTERNAL_UNIT_KINDS);
        if (!target) throw new AppError('report.disposal_invalid', 'the recipient must be an active partner department or the office above', { details: { field: 'toUnitId' } });
      }
      const measure = input.kind === 'order_platform' || input.kind === 'account_action' ? input.measure : input.kind === 'referral' ? input.transferKind : null;
      const targetName = target?.name ?? (input.kind === 'account_action' ? input.accountName : input.kind === 'out_of_jurisdiction' ? input.targetOffice : null);
      const [d] = await tx.insert(reportDisposals).values({
        reportId: row.id, kind: input.kind, measure, legalBasis: input.legalBasis, reasons: input.reasons,
        entityRef: input.entityRef ?? row.entityRef, targetName, createdBy: user.id, createdAt: at,
      }).returning();
      const actor = actorOf(user);
      const targets: Record<string, unknown> = { name: targetName };
      const common = { report: row, disposalId: d!.id, actor, createdBy: user.id, at };
      if (input.kind === 'order_platform') {
        const dueHours = input.dueHours ?? ORDER_DEFAULT_HOURS;
        const order = await issueOrder(tx, deadlines, {
          ...common, platformUnitId: input.platformUnitId, issuedByUnitId: user.unitId, measure: input.measure,
          requirement: input.requirement, legalBasis: input.legalBasis, dueHours,
        });
        Object.assign(targets, { platformUnitId: input.platformUnitId, orderId: order.id, orderNo: order.orderNo, dueHours });
      } else if (input.kind === 'referral') {
        const dueDays = input.dueDays ?? TRANSFER_DAYS[input.transferKind];
        const transfer = await transfersOf.send(tx, {
          ...common, kind: input.transferKind, fromUnitId: user.unitId, toUnitId: input.toUnitId, note: input.note, dueDays,
        });
        Object.assign(targets, { toUnitId: input.toUnitId, transferId: transfer.id, includeContact: transfer.detail.includeContact === true, dueDays });
      } else if (input.kind === 'account_action') {
        targets.accountName = input.accountName;
      }
      const payload = { disposalId: d!.id, kind: input.kind, measure, legalBasis: input.legalBasis, reasons: input.reasons, entityRef: d!.entityRef, targets };
      const opts = { at, reason: input.reasons, payload };
      // The dispose clock started at acceptance keeps running; only completion stops it.
      if (input.kind === 'referral') return moveReport(tx, row, 'transfer', actor, opts);
      if (row.state === 'transferred') return noteReport(tx, row, 'report.disposal_added', actor, opts);
      return moveReport(tx, row, 'dispose', actor, opts);
    });
  }

  async function complete(user: AuthUser, reportId: string, reason?: string): Promise<ReportRow> {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const row = await lockReport(tx, reportId, user);
      // A referral the department returned did not dispose of anything: it does not count.
      const kinds = (await tx.select({ kind: reportDisposals.kind }).from(reportDisposals)
        .leftJoin(reportTransfers, eq(reportTransfers.disposalId, reportDisposals.id))
        .where(and(eq(reportDisposals.reportId, row.id), or(isNull(reportTransfers.state), ne(reportTransfers.state, 'returned'))))).map((x) => x.kind);
      assertThat(kinds.length > 0, 'report.disposal_invalid', 'record at least one disposal first (returned referrals do not count)', { field: 'disposals' });
      const [transfers, orders] = await Promise.all([
        transfersOf.openOf(tx, row.id).then((open) => open.map((t) => ({ id: t.id, state: t.state, toUnitId: t.toUnitId }))),
        tx.select({ id: platformOrders.id, orderNo: platformOrders.orderNo, state: platformOrders.state }).from(platformOrders)
          .where(and(eq(platformOrders.reportId, row.id), eq(platformOrders.state, 'issued'))),
      ]);
      if (transfers.length || orders.length) {
        throw new AppError('report.open_subcases', 'transfers or platform orders are still waiting for an answer', { details: { transfers, orders } });
      }
      const outcome = outcomeOf(kinds);
      const moved = await moveReport(tx, row, 'complete', actorOf(user), { at, reason, payload: { outcome, disposals: kinds.length }, set: { outcome, disposedAt: at } });
      await clocks.stop(tx, moved, 'dispose', at, 'met', user.id);
      await clocks.start(tx, moved, 'reply', user.unitId, at);
      return moved;
    });
  }

  return { add, complete };
}
export type DisposalsService = ReturnType<typeof createDisposalsService>;
