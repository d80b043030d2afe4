import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TransferState, TransferView } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { reports, reportTransfers, type ReportRow, type ReportTransferRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';
import { appendEvent } from '../audit/events.service';
import type { AuthUser } from '../auth/auth.types';
import type { DeadlinesService } from '../deadlines/deadlines.service';
import { activeUsersOfUnit, notifyUsers } from '../notifications/notifications.service';
import type { ReportClocks } from './report-clocks';
import { actorOf, lockReport, moveReport, noteReport } from './report-store';
import { assertTransfer, OPEN_TRANSFER_STATES, TRANSFER_CLOCK, TRANSFER_SUBJECT, TRANSFER_TRANSITIONS, unitOfficers, type TransferAction } from './subcases';
import { countTransfers, selectTransfers, transferView, type ContactMode } from './transfers.views';
import { scopeFilter } from '../auth/scope';

export type TransferBox = 'inbox' | 'outbox';
const PAST: Record<TransferAction, string> = { sign: 'signed', reply: 'replied', return: 'returned', urge: 'urged' };
interface Page { state?: TransferState; limit: number; offset: number }

/**
 * 移交件: the partner department's inbox (transfers to its unit) and the office's outbox (transfers
 * of reports in its jurisdiction). Every change is an event on the transfer and a note on its report.
 */
export function createTransfersService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService; clocks: ReportClocks; secrets: Secrets }) {
  const { db, clock, deadlines, secrets } = deps;

  const boxWhere = (user: AuthUser, box: TransferBox) => box === 'inbox'
    ? eq(reportTransfers.toUnitId, user.unitId)
    : scopeFilter(user, reports.jurisdictionPath);
  const modeOf = (box: TransferBox): ContactMode => (box === 'inbox' ? 'full' : 'masked');

  async function list(user: AuthUser, box: TransferBox, q: Page) {
    const where = and(boxWhere(user, box), q.state ? eq(reportTransfers.state, q.state) : undefined);
    const [rows, total] = await Promise.all([selectTransfers(db, where, q), countTransfers(db, where)]);
    return { items: rows.map((r) => transferView(r, modeOf(box), secrets)), total };
  }

  async function get(user: AuthUser, id: string, box: TransferBox = 'inbox', q: Queryable = db): Promise<TransferView> {
    const [row] = await selectTransfers(q, and(eq(reportTransfers.id, id), boxWhere(user, box)));
    if (!row) throw new AppError('resource.not_found', 'transfer not found');
    return transferView(row, modeOf(box), secrets);
  }

  const forReport = async (reportId: string) =>
    (await selectTransfers(db, eq(reportTransfers.reportId, reportId))).map((r) => transferView(r, 'masked', secrets));
  const subjectIdsOf = async (reportId: string) =>
    (await db.select({ id: reportTransfers.id }).from(reportTransfers).where(eq(reportTransfers.reportId, reportId))).map((r) => ({ type: TRANSFER_SUBJECT, id: r.id }));

  type Step = (tx: Queryable, t: ReportTransferRow, report: ReportRow, at: Date) => Promise<{ set: Partial<ReportTransferRow>; reason?: string; payload?: Record<string, unknown> }>;

  /**
   * Locks the report, then the transfer (the order every writer uses), checks that the user may see
   * it (404 otherwise) and that the action is allowed from its state, then applies `step`.
   */
  async function act(user: AuthUser, id: string, box: TransferBox, action: TransferAction, step: Step): Promise<TransferView> {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const [pre] = await tx.select({ reportId: reportTransfers.reportId, toUnitId: reportTransfers.toUnitId }).from(reportTransfers).where(eq(reportTransfers.id, id));
      if (!pre || (box === 'inbox' && pre.toUnitId !== user.unitId)) throw new AppError('resource.not_found', 'transfer not found');
      const report = await lockReport(tx, pre.reportId, box === 'outbox' ? user : undefined);
      const [t] = await tx.select().from(reportTransfers).where(eq(reportTransfers.id, id)).for('update');
      assertTransfer(action, t!.state);
      const { set, reason, payload } = await step(tx, t!, report, at);
      const to = TRANSFER_TRANSITIONS[action].to ?? t!.state;
      await tx.update(reportTransfers).set({ ...set, state: to, updatedAt: at }).where(eq(reportTransfers.id, id));
      const actor = actorOf(user);
      await appendEvent(tx, {
        subjectType: TRANSFER_SUBJECT, subjectId: id, action: `transfer.${PAST[action]}`,
        actorId: actor.id, actorRole: actor.role, unitId: actor.unitId, fromState: t!.state, toState: to, reason: reason ?? null, payload: payload ?? {}, at,
      });
      const noted = await noteReport(tx, report, `report.transfer_${PAST[action]}`, actor, {
        at, reason, payload: { transferId: id, toUnitId: t!.toUnitId, ...payload },
      });
      if (to === 'replied' || to === 'returned') await settle(tx, user, id, noted, at);
      return get(user, id, box, tx);
    });
  }

  /** Stops the transfer's clock; the report goes back to 处置中 once no transfer is open. */
  async function settle(tx: Queryable, user: AuthUser, id: string, report: ReportRow, at: Date) {
    const d = await deadlines.running(tx, TRANSFER_SUBJECT, id, TRANSFER_CLOCK);
    if (d) await deadlines.step(tx, d.id, 'met', at, { actorId: user.id });
    const [open] = await tx.select({ n: sql<number>`count(*)::int` }).from(reportTransfers)
      .where(and(eq(reportTransfers.reportId, report.id), inArray(reportTransfers.state, OPEN_TRANSFER_STATES)));
    if (Number(open?.n ?? 0) === 0 && report.state === 'transferred') {
      await moveReport(tx, report, 'transfer_settled', actorOf(user), { at, payload: { transferId: id } });
    }
    // The office that sent it hears back: the report's assignee, or its handlers.
    const [t] = await tx.select().from(reportTransfers).where(eq(reportTransfers.id, id));
    const to = report.assigneeId ? [report.assigneeId] : await unitOfficers(tx, t!.fromUnitId, ['reports.dispose']);
    await notifyUsers(tx, to, {
      kind: `transfer.${t!.state}`, title: `${t!.state === 'replied' ? '移交件已回函' : '移交件被退回'}：${report.trackingNo}`,
      body: (t!.state === 'replied' ? t!.replyText : t!.returnReason) ?? '', link: `/console/reports/${report.id}`, subjectType: TRANSFER_SUBJECT, subjectId: id,
    }, at);
  }

  return {
    list, get, forReport, subjectIdsOf,
    sign: (user: AuthUser, id: string) => act(user, id, 'inbox', 'sign', async (_tx, _t, _r, at) => ({ set: { signedBy: user.id, signedAt: at } })),
    reply: (user: AuthUser, id: string, text: string) => act(user, id, 'inbox', 'reply', async (_tx, t, _r, at) => ({
      set: { replyText: text, repliedBy: user.id, repliedAt: at, ...(t.signedAt ? {} : { signedBy: user.id, signedAt: at }) }, payload: { text },
    })),
    return: (user: AuthUser, id: string, reason: string) => act(user, id, 'inbox', 'return', async () => ({ set: { returnReason: reason }, reason })),
    urge: (user: AuthUser, id: string, reason: string) => act(user, id, 'outbox', 'urge', async (tx, t, report, at) => {
      await notifyUsers(tx, await activeUsersOfUnit(tx, t.toUnitId), {
        kind: 'transfer.urged', title: `催办：移交件 ${report.trackingNo}`, body: reason, link: '/console/reports/transfers',
        subjectType: TRANSFER_SUBJECT, subjectId: t.id,
      }, at);
      return { set: { urgeCount: t.urgeCount + 1 }, reason, payload: { urgeCount: t.urgeCount + 1 } };
    }),
  };
}
export type TransfersService = ReturnType<typeof createTransfersService>;
