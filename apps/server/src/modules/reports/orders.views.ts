import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OrderView } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { platformOrders, reports, units } from '../../db/schema';
import { clocksOf } from '../deadlines/deadlines.service';
import { ORDER_CLOCK, ORDER_SUBJECT } from './subcases';
import { isoOrNull } from '../../lib/iso';

/** An order with its report's tracking number, the platform's name and the answer clock. */
export async function selectOrders(q: Queryable, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = q.select({ o: platformOrders, trackingNo: reports.trackingNo, platformName: units.name }).from(platformOrders)
    .innerJoin(reports, eq(reports.id, platformOrders.reportId))
    .innerJoin(units, eq(units.id, platformOrders.platformUnitId))
    .where(where).orderBy(desc(platformOrders.createdAt), desc(platformOrders.id));
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query);
  const clocks = new Map((await clocksOf(q, ORDER_SUBJECT, rows.map((r) => r.o.id), ORDER_CLOCK)).map((d) => [d.subjectId, d]));
  return rows.map((r) => ({ ...r, dueAt: clocks.get(r.o.id)?.dueAt ?? null, deadlineStatus: clocks.get(r.o.id)?.status ?? null }));
}

export async function countOrders(q: Queryable, where: SQL | undefined): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(platformOrders).innerJoin(reports, eq(reports.id, platformOrders.reportId)).where(where);
  return Number(row?.n ?? 0);
}

type OrderJoinRow = Awaited<ReturnType<typeof selectOrders>>[number];

/** What the platform and the office see of an order; nothing about the reporter. */
export function orderView(row: OrderJoinRow): OrderView {
  const o = row.o;
  return {
    id: o.id, reportId: o.reportId, trackingNo: row.trackingNo, orderNo: o.orderNo, platformUnitId: o.platformUnitId, platformName: row.platformName,
    measure: o.measure, urls: o.urls, requirement: o.requirement, legalBasis: o.legalBasis, state: o.state, answer: o.answer, answerNote: o.answerNote,
    answeredAt: isoOrNull(o.answeredAt), answeredLate: o.answeredLate, recheck: o.recheck, recheckNote: o.recheckNote, recheckedAt: isoOrNull(o.recheckedAt),
    escalated: o.escalated, dueAt: isoOrNull(row.dueAt), deadlineStatus: row.deadlineStatus ?? null, createdAt: o.createdAt.toISOString(),
  };
}
