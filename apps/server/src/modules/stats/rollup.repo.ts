import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { lockInTx, lockKeys } from '../../db/locks';
import { statsState } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { applySql, insertFactsSql, rollupRowsSql } from './facts.sql';

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
/**
 * The contribution query is large but cheap per row; PostgreSQL's cost-based JIT compiles it (hundreds
 * of ms to seconds) for batches that run in milliseconds without it.
 */
const noJit = sql`set local jit = off`;
const STATE_ID = 'rollup';

/**
 * Keeps the rollup equal to the event log. `refresh` takes dirty reports (marked by the events
 * trigger, claimed FOR UPDATE SKIP LOCKED) and replaces their facts, applying the difference of
 * their contributions; `rebuild` recomputes everything. Both are idempotent.
 */
export function createRollupRepo({ db, clock }: { db: Db; clock: Clock }) {
  async function refreshBatch(limit: number): Promise<number> {
    return db.transaction(async (tx) => {
      await lockInTx(tx, lockKeys.statsRollup); // one writer of the rollup at a time, whatever process it runs in
      await tx.execute(noJit);
      // Taken first: the facts below are read by a later statement, so they see at least these changes.
      const ids = rowsOf<{ report_id: string }>(await tx.execute(sql`delete from stats_dirty where report_id in (
        select report_id from stats_dirty order by report_id limit ${limit} for update skip locked) returning report_id`)).map((r) => r.report_id);
      if (ids.length === 0) return 0;
      const arr = sql`${`{${ids.join(',')}}`}::uuid[]`;
      await tx.execute(applySql(sql`select * from stats_report_facts where report_id = any(${arr})`, -1));
      await tx.execute(sql`delete from stats_report_facts where report_id = any(${arr})`);
      await tx.execute(insertFactsSql(sql`r.id = any(${arr})`));
      await tx.execute(applySql(sql`select * from stats_report_facts where report_id = any(${arr})`, 1));
      await markState(tx, { refreshedAt: clock.now() });
      return ids.length;
    });
  }

  /** Catches up with every change so far, in batches; returns how many reports were re-read. */
  async function refresh(batch = 2000): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await refreshBatch(batch);
      total += n;
      if (n < batch) break;
    }
    if (total === 0) await markState(db, { refreshedAt: clock.now() });
    return total;
  }

  /** Recomputes facts and rollup from the event log (first start, or after a jurisdiction moved). */
  async function rebuild(): Promise<void> {
    await db.transaction(async (tx) => {
      await lockInTx(tx, lockKeys.statsRollup); // one writer of the rollup at a time, whatever process it runs in
      await tx.execute(noJit);
      await tx.execute(sql`delete from stats_dirty`);
      await tx.execute(sql`delete from stats_rollup`);
      await tx.execute(sql`delete from stats_report_facts`);
      await tx.execute(insertFactsSql(sql`true`));
      // the rollup is empty: a plain insert of the grouped rows, no conflicts to resolve
      await tx.execute(sql`insert into stats_rollup (jurisdiction_id, grain, period, dim, key, measure, n) ${rollupRowsSql(sql`select * from stats_report_facts`, 1)}`);
      await markState(tx, { rebuiltAt: clock.now(), refreshedAt: clock.now() });
    });
  }

  async function markState(q: Queryable, set: { rebuiltAt?: Date; refreshedAt?: Date }) {
    await q.insert(statsState).values({ id: STATE_ID, ...set }).onConflictDoUpdate({ target: statsState.id, set });
  }

  async function state() {
    const [row] = await db.select().from(statsState).where(eq(statsState.id, STATE_ID));
    return row ?? null;
  }

  /**
   * Rebuilds when the rollup was never built (a database that had reports before this module). Facts
   * rows computed before the entity_grade column (migration stats_entity_grade) have it null and
   * contributed no 'grade' rows: they are marked dirty, so the refresh below re-reads them and adds
   * their grade figures (subtracting their old contributions is exact, null grade having none).
   */
  async function ensureBuilt(): Promise<'rebuilt' | 'refreshed'> {
    if (!(await state())?.rebuiltAt) {
      await rebuild();
      return 'rebuilt';
    }
    await refresh();
    return 'refreshed';
  }

  return { refresh, rebuild, ensureBuilt, state };
}
export type RollupRepo = ReturnType<typeof createRollupRepo>;
