import { desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { platformOrders, reportDisposals, reports } from '../../db/schema';

/**
 * What the reports module holds about a registry entity: the reports naming it (newest first, at most
 * 500), the disposals of those reports or of the entity itself, and the platform orders of those reports.
 * The registry's entity page reads them here.
 */
export async function casesOfEntity(q: Queryable, entityId: string) {
  const linked = await q.select({ id: reports.id, trackingNo: reports.trackingNo, state: reports.state, categoryCode: reports.categoryCode, submittedAt: reports.submittedAt })
    .from(reports).where(eq(reports.entityRef, entityId)).orderBy(desc(reports.submittedAt)).limit(500);
  const reportIds = linked.map((r) => r.id);
  const [disposals, orders] = await Promise.all([
    q.select({ id: reportDisposals.id, reportId: reportDisposals.reportId, kind: reportDisposals.kind, createdAt: reportDisposals.createdAt }).from(reportDisposals)
      .where(or(eq(reportDisposals.entityRef, entityId), reportIds.length ? inArray(reportDisposals.reportId, reportIds) : sql`false`)),
    reportIds.length ? q.select().from(platformOrders).where(inArray(platformOrders.reportId, reportIds)) : Promise.resolve([]),
  ]);
  return { linked, disposals, orders };
}

/** A select of the ids of the reports naming an entity, for a statement of the caller's (it runs in the caller's transaction). */
export const reportIdsOfEntity = (entityId: string): SQL => sql`select ${reports.id} from ${reports} where ${reports.entityRef} = ${entityId}`;
