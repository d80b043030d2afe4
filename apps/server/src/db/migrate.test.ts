import { describe, expect, it } from 'vitest';
import { openDb } from './client';
import { pendingMigrations, runMigrations } from './migrate';
import { migratedBefore } from '../../test/migrations-before';

describe('migrations', () => {
  it('names pending migrations, applies them, then has none pending', async () => {
    const handle = await openDb({});
    try {
      const pending = await pendingMigrations(handle);
      expect(pending[0]).toBe('0000_foundation');
      expect(pending).toContain('0001_events_append_only');
      expect(await runMigrations(handle)).toEqual(pending);
      expect(await pendingMigrations(handle)).toEqual([]);
      expect(await runMigrations(handle)).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe('migration 0004_reports_permissions', () => {
  it('grants the reports permissions to builtin roles seeded before it, and leaves other roles alone', async () => {
    const { sql } = await import('drizzle-orm');
    // the migrations as they were before the reports permissions: the journal cut after 0003
    const { handle, done, cut } = await migratedBefore('0004_reports_permissions');
    try {
      expect(cut).toBeGreaterThan(0);
      const rows = async (q: ReturnType<typeof sql>) => ((await handle.db.execute(q)) as unknown as { rows: Record<string, string>[] }).rows;
      await rows(sql`insert into roles (code, name, builtin, created_at, updated_at) values
        ('intake', '受理员', true, now(), now()), ('volunteer', '志愿者', true, now(), now()), ('custom', '自定义', false, now(), now())`);
      await rows(sql`insert into role_permissions (role_id, permission) select id, 'reports.intake' from roles where code = 'intake'`);
      expect(await runMigrations(handle)).toContain('0004_reports_permissions');
      // (later migrations may grant their own module's permissions; these are the reports ones)
      const perms = await rows(sql`select r.code, p.permission from role_permissions p join roles r on r.id = p.role_id
        where p.permission like 'reports.%' order by 1, 2`);
      expect(perms).toEqual([
        { code: 'intake', permission: 'reports.contact_reveal' },
        { code: 'intake', permission: 'reports.intake' },
        { code: 'intake', permission: 'reports.read' },
        { code: 'volunteer', permission: 'reports.submit' },
      ]);
    } finally {
      await done();
    }
  }, 60_000);
});
