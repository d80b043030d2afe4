import { describe, expect, it } from 'vitest';
import { openDb } from './client';
import { pendingMigrations, runMigrations } from './migrate';

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
