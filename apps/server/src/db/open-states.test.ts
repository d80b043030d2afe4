import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { OPEN_STATES } from '@tianlang/core';
import { testDb } from '../../test/harness';

describe('open report states in the database', () => {
  it('the migrated partial indexes over open reports hold exactly core’s OPEN_STATES', async () => {
    const { db } = await testDb();
    const res = await db.execute(sql`select indexname, indexdef from pg_indexes
      where tablename = 'reports' and indexname in ('reports_open_queue_idx', 'reports_queue_idx', 'reports_lsh_idx') order by indexname`);
    const rows = (res as unknown as { rows: { indexname: string; indexdef: string }[] }).rows;
    expect(rows.map((r) => r.indexname)).toEqual(['reports_lsh_idx', 'reports_open_queue_idx', 'reports_queue_idx']);
    for (const r of rows) {
      const where = r.indexdef.slice(r.indexdef.indexOf(' WHERE '));
      const states = [...where.matchAll(/'([a-z_]+)'::report_state/g)].map((m) => m[1]);
      expect(states, r.indexname).toEqual([...OPEN_STATES]);
      expect(where, r.indexname).toMatch(r.indexname === 'reports_queue_idx' ? /<> ALL/ : /= ANY/);
    }
  });
});
