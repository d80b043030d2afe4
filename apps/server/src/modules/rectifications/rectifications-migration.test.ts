import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../../db/migrate';
import { migratedBefore } from '../../../test/migrations-before';

describe('migration 0026_rectifications_from_registry', () => {
  it('moves the registry\'s items to the shared table with their ids, order, scope and closing follow-up', async () => {
    const { handle, done, cut } = await migratedBefore('0026_rectifications_from_registry');
    const rows = async (q: ReturnType<typeof sql>) => ((await handle.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
    try {
      expect(cut).toBeGreaterThan(0);
      const [jd] = await rows(sql`insert into jurisdictions (code, name, level, path) values ('990199', '迁移区', 'district', '/990199/') returning id`);
      const [unit] = await rows(sql`insert into units (name, kind, jurisdiction_id) values ('迁移办', 'office', ${jd!.id}) returning id`);
      const [user] = await rows(sql`insert into users (username, display_name, password_hash, unit_id) values ('mig', '迁移员', 'x', ${unit!.id}) returning id`);
      const [e] = await rows(sql`insert into registry_entities (name, name_norm, type, jurisdiction_id, jurisdiction_path, search_text)
        values ('迁移网站', '迁移网站', 'website', ${jd!.id}, '/990199/', '迁移网站') returning id`);
      const source = '00000000-0000-4000-8000-00000000a001';
      const [a, b] = ['00000000-0000-4000-8000-00000000b001', '00000000-0000-4000-8000-00000000b002'];
      await rows(sql`insert into registry_rectifications (id, entity_id, source, source_id, description, state, due_at, deadline_status, created_at) values
        (${a}, ${e!.id}, 'inspection', ${source}, '第一项', 'open', '2026-03-10T16:00:00Z', 'overdue', '2026-03-01T02:00:00Z')`);
      await rows(sql`insert into registry_rectifications (id, entity_id, source, source_id, description, state, due_at, follow_up, followed_up_by, followed_up_at, created_at) values
        (${b}, ${e!.id}, 'inspection', ${source}, '第二项', 'rectified', '2026-03-10T16:00:00Z', '复查已整改', ${user!.id}, '2026-03-05T02:00:00Z', '2026-03-01T02:00:01Z')`);

      await runMigrations(handle);
      const items = await rows(sql`select id, source_type, source_id, entity_id, jurisdiction_id, jurisdiction_path, requirement, ordinal, state, deadline_status, closed_by,
        to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as closed from rectifications order by ordinal`);
      expect(items).toEqual([
        { id: a, source_type: 'registry_inspection', source_id: source, entity_id: e!.id, jurisdiction_id: jd!.id, jurisdiction_path: '/990199/', requirement: '第一项', ordinal: 0, state: 'open', deadline_status: 'overdue', closed_by: null, closed: null },
        { id: b, source_type: 'registry_inspection', source_id: source, entity_id: e!.id, jurisdiction_id: jd!.id, jurisdiction_path: '/990199/', requirement: '第二项', ordinal: 1, state: 'rectified', deadline_status: null, closed_by: user!.id, closed: '2026-03-05 02:00' },
      ]);
      expect(await rows(sql`select rectification_id, kind, note, actor_id from rectification_follow_ups`)).toEqual([{ rectification_id: b, kind: 'rectified', note: '复查已整改', actor_id: user!.id }]);
      expect(await rows(sql`select to_regclass('registry_rectifications') as t`)).toEqual([{ t: null }]);
    } finally {
      await done();
    }
  }, 60_000);
});
