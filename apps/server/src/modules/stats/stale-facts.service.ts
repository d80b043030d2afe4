import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';

/**
 * Marks reports' statistics facts stale, in the caller's transaction: the rollup re-reads them on its next
 * pass. For a change outside the reports that moves how a report is counted (an entity's new grade).
 * `reportIds` is a subquery of report ids (e.g. `reportIdsOfEntity` of the reports module).
 */
export async function markFactsStale(tx: Queryable, reportIds: SQL): Promise<void> {
  await tx.execute(sql`insert into stats_dirty (report_id) ${reportIds} on conflict do nothing`);
}
