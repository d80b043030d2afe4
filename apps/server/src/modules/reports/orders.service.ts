import { and, eq } from 'drizzle-orm';
import type { OrderAnswer, OrderState, OrderView, RecheckResult } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { platformOrders, reports, type PlatformOrderRow, type ReportRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import type { AuthUser } from '../auth/auth.types';
import { DeferSweep, lockClocks, type DeadlinesService } from '../deadlines/deadlines.service';
import { notifyUsers } from '../notifications/notifications.service';
import type { ReportClocks } from './report-clocks';
import { actorOf, lockReport, noteReport, type Actor } from './report-store';
import { assertOrder, ORDER_CLOCK, ORDER_SUBJECT, ORDER_TRANSITIONS, type OrderAction } from './subcases';
import { holdersOf } from '../users/users.service';
import { countOrders, orderView, selectOrders } from './orders.views';
import { scopeFilter } from '../auth/scope';

export type OrderBox = 'inbox' | 'outbox';
const SYSTEM: Actor = { id: null, role: 'system', unitId: null };
const CAUSE_TEXT = { refused: '平台拒绝处置', still_present: '复核发现信息仍在', overdue: '平台逾期未反馈' } as const;
type Cause = keyof typeof CAUSE_TEXT;

/**
 * 处置通知: the platform liaison's inbox (orders to its platform) and the office's outbox (orders of
 * reports in its jurisdiction). A refusal, a failed recheck or a missed deadline escalates the order.
 */
export function createOrdersService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService; clocks: ReportClocks }) {
  const { db, clock, deadlines } = deps;

  const boxWhere = (user: AuthUser, box: OrderBox) => box === 'inbox'
    ? eq(platformOrders.platformUnitId, user.unitId)
    : scopeFilter(user, reports.jurisdictionPath);

  async function list(user: AuthUser, box: OrderBox, q: { state?: OrderState; limit: number; offset: number }) {
    const where = and(boxWhere(user, box), q.state ? eq(platformOrders.state, q.state) : undefined);
    const [rows, total] = await Promise.all([selectOrders(db, where, q), countOrders(db, where)]);
    return { items: rows.map(orderView), total };
  }

  async function get(user: AuthUser, id: string, box: OrderBox = 'inbox', q: Queryable = db): Promise<OrderView> {
    const [row] = await selectOrders(q, and(eq(platformOrders.id, id), boxWhere(user, box)));
    if (!row) throw new AppError('resource.not_found', 'order not found');
    return orderView(row);
  }

  const forReport = async (reportId: string) => (await selectOrders(db, eq(platformOrders.reportId, reportId))).map(orderView);
  const subjectIdsOf = async (reportId: string) =>
    (await db.select({ id: platformOrders.id }).from(platformOrders).where(eq(platformOrders.reportId, reportId))).map((r) => ({ type: ORDER_SUBJECT, id: r.id }));

  /** Marks the order escalated, records why on the order and its report, and tells the issuing office. */
  async function escalate(tx: Queryable, order: PlatformOrderRow, report: ReportRow, cause: Cause, actor: Actor, at: Date) {
    await tx.update(platformOrders).set({ escalated: true, updatedAt: at }).where(eq(platformOrders.id, order.id));
    await appendEvent(tx, {
      subjectType: ORDER_SUBJECT, subjectId: order.id, action: 'order.escalated', actorId: actor.id, actorRole: actor.role, unitId: actor.unitId,
      fromState: order.state, toState: order.state, reason: CAUSE_TEXT[cause], payload: { cause }, at,
    });
    await noteReport(tx, report, 'report.order_escalated', actor, { at, reason: CAUSE_TEXT[cause], payload: { orderId: order.id, orderNo: order.orderNo, cause } });
    await notifyUsers(tx, (await holdersOf(tx, { permission: ['approvals.decide', 'reports.dispose'], unitId: order.issuedByUnitId })).map((h) => h.id), {
      kind: 'order.escalated', title: `督办：处置通知 ${order.orderNo}（${CAUSE_TEXT[cause]}）`, body: `举报 ${report.trackingNo}`,
      link: `/console/reports/${report.id}`, subjectType: ORDER_SUBJECT, subjectId: order.id, dedupeKey: `order:${order.id}:${cause}`,
    }, at);
  }

  type Step = (tx: Queryable, o: PlatformOrderRow, at: Date) => Promise<{ set: Partial<PlatformOrderRow>; payload: Record<string, unknown>; reason: string; escalate?: Cause }>;

  /** Lock order: report, the order's clock, the order (the sweep holds the clock before the order). */
  async function act(user: AuthUser, id: string, box: OrderBox, action: OrderAction, step: Step): Promise<OrderView> {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const [pre] = await tx.select({ reportId: platformOrders.reportId, platformUnitId: platformOrders.platformUnitId }).from(platformOrders).where(eq(platformOrders.id, id));
      if (!pre || (box === 'inbox' && pre.platformUnitId !== user.unitId)) throw new AppError('resource.not_found', 'order not found');
      const report = await lockReport(tx, pre.reportId, box === 'outbox' ? user : undefined);
      await lockClocks(tx, ORDER_SUBJECT, id, ORDER_CLOCK);
      const [o] = await tx.select().from(platformOrders).where(eq(platformOrders.id, id)).for('update');
      assertOrder(action, o!.state);
      const r = await step(tx, o!, at);
      const to = ORDER_TRANSITIONS[action].to;
      const [updated] = await tx.update(platformOrders).set({ ...r.set, state: to, updatedAt: at }).where(eq(platformOrders.id, id)).returning();
      const actor = actorOf(user);
      await appendEvent(tx, {
        subjectType: ORDER_SUBJECT, subjectId: id, action: `order.${action === 'answer' ? 'answered' : 'rechecked'}`, actorId: actor.id, actorRole: actor.role,
        unitId: actor.unitId, fromState: o!.state, toState: to, reason: r.reason, payload: r.payload, at,
      });
      const noted = await noteReport(tx, report, `report.order_${action === 'answer' ? 'answered' : 'rechecked'}`, actor, { at, reason: r.reason, payload: { orderId: id, orderNo: o!.orderNo, ...r.payload } });
      if (r.escalate) await escalate(tx, updated!, noted, r.escalate, actor, at);
      return get(user, id, box, tx);
    });
  }

  async function answer(user: AuthUser, id: string, input: { answer: OrderAnswer; note: string }) {
    return act(user, id, 'inbox', 'answer', async (tx, o, at) => {
      const d = await deadlines.running(tx, ORDER_SUBJECT, o.id, ORDER_CLOCK);
      const late = d ? at > d.dueAt : false;
      if (d) await deadlines.step(tx, d.id, 'met', at, { actorId: user.id });
      return {
        set: { answer: input.answer, answerNote: input.note, answeredBy: user.id, answeredAt: at, answeredLate: late },
        payload: { answer: input.answer, late }, reason: input.note, escalate: input.answer === 'refused' ? 'refused' : undefined,
      };
    });
  }

  async function recheck(user: AuthUser, id: string, input: { result: RecheckResult; note: string }) {
    return act(user, id, 'outbox', 'recheck', async (_tx, _o, at) => ({
      set: { recheck: input.result, recheckNote: input.note, recheckedBy: user.id, recheckedAt: at },
      payload: { result: input.result }, reason: input.note, escalate: input.result === 'still_present' ? 'still_present' : undefined,
    }));
  }

  // Non-compliance is visible and escalates: an order whose answer clock runs out is 督办.
  deadlines.onStatusChange(async (tx, d, status) => {
    if (d.subjectType !== ORDER_SUBJECT || status !== 'overdue') return;
    // The sweep holds the clock; an answer in flight holds the order and wants the clock: give way.
    const [o] = await tx.select().from(platformOrders).where(eq(platformOrders.id, d.subjectId)).for('update', { skipLocked: true });
    if (!o) throw new DeferSweep(`order ${d.subjectId} is busy`);
    if (o.state !== 'issued' || o.escalated) return;
    const [report] = await tx.select().from(reports).where(eq(reports.id, o.reportId));
    await escalate(tx, o, report!, 'overdue', SYSTEM, clock.now());
  });

  return { list, get, forReport, subjectIdsOf, answer, recheck };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
