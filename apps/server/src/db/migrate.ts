import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { DbHandle } from './client';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

interface JournalEntry { tag: string; when: number }

async function journal(): Promise<JournalEntry[]> {
  const { readFile } = await import('node:fs/promises');
  const raw = await readFile(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8');
  return (JSON.parse(raw) as { entries: JournalEntry[] }).entries;
}

/** Names of the migrations not yet applied, in order. */
export async function pendingMigrations(handle: DbHandle): Promise<string[]> {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const entries = await journal();
  let applied = new Set<string>();
  try {
    const rows = (await handle.db.execute(sql`select hash from drizzle.__drizzle_migrations`)) as unknown as
      | { rows: { hash: string }[] }
      | { hash: string }[];
    const list = Array.isArray(rows) ? rows : rows.rows;
    applied = new Set(list.map((r) => r.hash));
  } catch {
    // no migrations table yet: everything is pending
  }
  return files.flatMap((f, i) => (applied.has(f.hash) ? [] : [entries[i]?.tag ?? `#${i}`]));
}

/** Applies all pending migrations in one transaction (drizzle's migrator does that on PostgreSQL). */
export async function runMigrations(handle: DbHandle): Promise<string[]> {
  const pending = await pendingMigrations(handle);
  if (pending.length === 0) return [];
  if (handle.kind === 'pglite') await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  else await migratePg(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return pending;
}
