import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { OrderMeasure, OrderState, Permission, TransferKind, TransferState } from '@tianlang/contracts';
import { OFFICE_UTC_OFFSET_MS, officeDate, TRACKING_ALPHABET } from '@tianlang/core';
import type { Queryable } from '../../db/client';
import { platformOrders, reportTransfers, rolePermissions, units, userRoles, users, type LegalBasis, type ReportRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import type { DeadlinesService } from '../deadlines/deadlines.service';
import { activeUsersOfUnit, notifyUsers } from '../notifications/notifications.service';
import type { Actor } from './report-store';

/**
 * Sub-cases of a report: transfers (移交) to partner departments and orders (责令/通知处置) to
 * platforms. Each is a subject of its own with an event chain and a deadline.
 */
export const TRANSFER_SUBJECT = 'transfer';
export const ORDER_SUBJECT = 'order';
export const TRANSFER_CLOCK = 'transfer.reply';
export const ORDER_CLOCK = 'order.answer';
export const OPEN_TRANSFER_STATES: TransferState[] = ['sent', 'signed'];

export const TRANSFER_TRANSITIONS = {
  sign: { from: ['sent'], to: 'signed' },
  reply: { from: ['sent', 'signed'], to: 'replied' },
  return: { from: ['sent', 'signed'], to: 'returned' },
  urge: { from: ['sent', 'signed'], to: null },
} as const satisfies Record<string, { from: readonly TransferState[]; to: TransferState | null }>;
export type TransferAction = keyof typeof TRANSFER_TRANSITIONS;

export const ORDER_TRANSITIONS = {
  answer: { from: ['issued'], to: 'answered' },
  recheck: { from: ['answered'], to: 'rechecked' },
} as const satisfies Record<string, { from: readonly OrderState[]; to: OrderState }>;
export type OrderAction = keyof typeof ORDER_TRANSITIONS;

export function assertTransfer(action: TransferAction, state: TransferState) {
  if (!(TRANSFER_TRANSITIONS[action].from as readonly TransferState[]).includes(state)) {
    throw new AppError('transfer.invalid_transition', `cannot ${action} a transfer in state ${state}`, { details: { action, state } });
  }
}
export function assertOrder(action: OrderAction, state: OrderState) {
  if (!(ORDER_TRANSITIONS[action].from as readonly OrderState[]).includes(state)) {
    throw new AppError('order.invalid_transition', `cannot ${action} an order in state ${state}`, { details: { action, state } });
  }
}

/** An active unit of the given kind, or null. */
export async function activeUnit(tx: Queryable, id: string, kind: 'platform' | 'department') {
  const [u] = await tx.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.id, id), eq(units.kind, kind), eq(units.active, true)));
  return u ?? null;
}

/** Active users of a unit holding any of the permissions (who is told of an escalation). */
export async function unitOfficers(tx: Queryable, unitId: string, perms: Permission[]): Promise<string[]> {
  const rows = await tx.selectDistinct({ id: users.id }).from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id)).innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(and(eq(users.unitId, unitId), eq(users.active, true), inArray(rolePermissions.permission, perms)));
  return rows.map((r) => r.id);
}

/** 2026-11-24 17:30, in the office's time zone, for notification texts. */
export const officeTime = (d: Date) => new Date(d.getTime() + OFFICE_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

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
    kind: 'order.issued', title: `处置通知 ${order!.orderNo}`, body: `请于 ${officeTime(clock.dueAt)} 前反馈处置结果`,
    link: '/console/reports/orders', subjectType: ORDER_SUBJECT, subjectId: order!.id,
  }, o.at);
  return order!;
}

export interface SendTransferInput {
  report: ReportRow; disposalId: string; kind: TransferKind; fromUnitId: string; toUnitId: string; note: string;
  dueDays: number; actor: Actor; createdBy: string; at: Date;
}

/** Creates the transfer (with the reporter's contact only if they consented), its event and reply clock. */
export async function sendTransfer(tx: Queryable, deadlines: DeadlinesService, o: SendTransferInput) {
  const includeContact = o.report.contactShareable && !!o.report.contactEnc;
  const [t] = await tx.insert(reportTransfers).values({
    reportId: o.report.id, disposalId: o.disposalId, kind: o.kind, fromUnitId: o.fromUnitId, toUnitId: o.toUnitId, note: o.note,
    includeContact, createdBy: o.createdBy, createdAt: o.at, updatedAt: o.at,
  }).returning();
  await appendEvent(tx, {
    subjectType: TRANSFER_SUBJECT, subjectId: t!.id, action: 'transfer.sent', actorId: o.actor.id, actorRole: o.actor.role, unitId: o.actor.unitId,
    toState: 'sent', reason: o.note, payload: { reportId: o.report.id, kind: o.kind, toUnitId: o.toUnitId, includeContact, dueDays: o.dueDays }, at: o.at,
  });
  const clock = await deadlines.start(tx, { subjectType: TRANSFER_SUBJECT, subjectId: t!.id, kind: TRANSFER_CLOCK, unitId: o.toUnitId, jurisdictionId: o.report.jurisdictionId, amount: o.dueDays, unit: 'working_days', at: o.at });
  await notifyUsers(tx, await activeUsersOfUnit(tx, o.toUnitId), {
    kind: 'transfer.sent', title: `移交件 ${o.report.trackingNo}`, body: `请于 ${officeTime(clock.dueAt)} 前签收并回函`,
    link: '/console/reports/transfers', subjectType: TRANSFER_SUBJECT, subjectId: t!.id,
  }, o.at);
  return t!;
}
