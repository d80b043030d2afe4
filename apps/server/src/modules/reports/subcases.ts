import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { OrderMeasure, OrderState, UnitKind } from '@tianlang/contracts';
import { officeDate, officeMinute, TRACKING_ALPHABET } from '@tianlang/core';
import type { Queryable } from '../../db/client';
import { platformOrders, units, type LegalBasis, type ReportRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import type { DeadlinesService } from '../deadlines/deadlines.service';
import { activeUsersOfUnit, notifyUsers } from '../notifications/notifications.service';
import type { Actor } from './report-store';

/**
 * Sub-cases of a report: orders (责令/通知处置) to platforms, a subject of their own with an event
 * chain and a deadline. Transfers (移交) are assignments: `transfers.service.ts`.
 */
export const ORDER_SUBJECT = 'order';
export const ORDER_CLOCK = 'order.answer';

export const ORDER_TRANSITIONS = {
  answer: { from: ['issued'], to: 'answered' },
  recheck: { from: ['answered'], to: 'rechecked' },
} as const satisfies Record<string, { from: readonly OrderState[]; to: OrderState }>;
export type OrderAction = keyof typeof ORDER_TRANSITIONS;

export function assertOrder(action: OrderAction, state: OrderState) {
  if (!(ORDER_TRANSITIONS[action].from as readonly OrderState[]).includes(state)) {
    throw new AppError('order.invalid_transition', `cannot ${action} an order in state ${state}`, { details: { action, state } });
  }
}

/** An active unit of one of the given kinds, or null. */
export async function activeUnit(tx: Queryable, id: string, kinds: readonly UnitKind[]) {
  const [u] = await tx.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.id, id), inArray(units.kind, [...kinds]), eq(units.active, true)));
  return u ?? null;
}

const orderNo = (at: Date) => {
  const bytes = randomBytes(6);
  let s = '';
  for (const b of bytes) s += TRACKING_ALPHABET[b % TRACKING_ALPHABET.length];
  return `TZ${officeDate(at).replaceAll('-', '')}${s}`;
};

export interface IssueOrderInput {
  report: ReportRow; disposalId: string; platformUnitId: string; issuedByUnitId: string; measure: OrderMeasure;
  requirement: string; legalBasis: LegalBasis[]; dueHours: number; actor: Actor; createdBy: string; at: Date;
}

/** Creates the order, its first event and its answer clock (hours, watched by the sweep). */
export async function issueOrder(tx: Queryable, deadlines: DeadlinesService, o: IssueOrderInput) {
  const [order] = await tx.insert(platformOrders).values({
    orderNo: orderNo(o.at), reportId: o.report.id, disposalId: o.disposalId, platformUnitId: o.platformUnitId, issuedByUnitId: o.issuedByUnitId,
    measure: o.measure, urls: o.report.urls, requirement: o.requirement, legalBasis: o.legalBasis, createdBy: o.createdBy, createdAt: o.at, updatedAt: o.at,
  }).returning();
  await appendEvent(tx, {
    subjectType: ORDER_SUBJECT, subjectId: order!.id, action: 'order.issued', actorId: o.actor.id, actorRole: o.actor.role, unitId: o.actor.unitId,
    toState: 'issued', payload: { reportId: o.report.id, orderNo: order!.orderNo, platformUnitId: o.platformUnitId, measure: o.measure, dueHours: o.dueHours }, at: o.at,
  });
  const clock = await deadlines.start(tx, { subjectType: ORDER_SUBJECT, subjectId: order!.id, kind: ORDER_CLOCK, unitId: o.platformUnitId, jurisdictionId: o.report.jurisdictionId, amount: o.dueHours, unit: 'hours', at: o.at });
  await notifyUsers(tx, await activeUsersOfUnit(tx, o.platformUnitId), {
    kind: 'order.issued', title: `处置通知 ${order!.orderNo}`, body: `请于 ${officeMinute(clock.dueAt)} 前反馈处置结果`,
    link: '/console/reports/orders', subjectType: ORDER_SUBJECT, subjectId: order!.id,
  }, o.at);
  return order!;
}
