import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { openDb, type DbHandle } from '../src/db/client';
import { MIGRATIONS_FOLDER } from '../src/db/migrate';

/**
 * A fresh embedded database migrated as it was before `tag`: the journal cut before it. Put rows in as
 * they were then, run the rest with runMigrations, check what the migration made of them; then `done()`.
 * `cut`: the migration's place in the journal (the caller checks it found one, > 0).
 */
export async function migratedBefore(tag: string): Promise<{ handle: DbHandle; done: () => Promise<void>; cut: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tianlang-mig-'));
  await cp(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const j = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = j.entries.findIndex((e) => e.tag === tag);
  await writeFile(journalPath, JSON.stringify({ ...j, entries: j.entries.slice(0, cut) }));
  const handle = await openDb({});
  const done = async () => { await handle.close(); await rm(dir, { recursive: true, force: true }); };
  try {
    await migrate(handle.db as never, { migrationsFolder: dir });
  } catch (err) {
    await done();
    throw err;
  }
  return { handle, done, cut };
}
