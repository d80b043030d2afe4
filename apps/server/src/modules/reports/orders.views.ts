import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OrderView } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { deadlines, platformOrders, reports, units } from '../../db/schema';
import { ORDER_CLOCK, ORDER_SUBJECT } from './subcases';

/** An order with its report's tracking number, the platform's name and the answer clock. */
export function selectOrders(q: Queryable, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = q.select({
    o: platformOrders, trackingNo: reports.trackingNo, platformName: units.name, dueAt: deadlines.dueAt, deadlineStatus: deadlines.status,
  }).from(platformOrders)
    .innerJoin(reports, eq(reports.id, platformOrders.reportId))
    .innerJoin(units, eq(units.id, platformOrders.platformUnitId))
    .leftJoin(deadlines, and(eq(deadlines.subjectType, ORDER_SUBJECT), eq(deadlines.subjectId, sql`${platformOrders.id}::text`), eq(deadlines.kind, ORDER_CLOCK)))
    .where(where).orderBy(desc(platformOrders.createdAt), desc(platformOrders.id));
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

export async function countOrders(q: Queryable, where: SQL | undefined): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(platformOrders).innerJoin(reports, eq(reports.id, platformOrders.reportId)).where(where);
  return Number(row?.n ?? 0);
}

type OrderJoinRow = Awaited<ReturnType<typeof selectOrders>>[number];
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What the platform and the office see of an order; nothing about the reporter. */
export function orderView(row: OrderJoinRow): OrderView {
  const o = row.o;
  return {
    id: o.id, reportId: o.reportId, trackingNo: row.trackingNo, orderNo: o.orderNo, platformUnitId: o.platformUnitId, platformName: row.platformName,
    measure: o.measure, urls: o.urls, requirement: o.requirement, legalBasis: o.legalBasis, state: o.state, answer: o.answer, answerNote: o.answerNote,
    answeredAt: iso(o.answeredAt), answeredLate: o.answeredLate, recheck: o.recheck, recheckNote: o.recheckNote, recheckedAt: iso(o.recheckedAt),
    escalated: o.escalated, dueAt: iso(row.dueAt), deadlineStatus: row.deadlineStatus ?? null, createdAt: o.createdAt.toISOString(),
  };
}
