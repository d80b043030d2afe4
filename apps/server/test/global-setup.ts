import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { seedBase } from '../src/seed/base';

/**
 * With DATABASE_URL set, the server suite runs against a fresh PostgreSQL database (UTF-8 ctype,
 * so pg_trgm handles Chinese), created here and dropped afterwards. Without it, each worker
 * uses its own in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const name = `tianlang_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  // Migrate once here: workers starting together must not race to apply the same migrations.
  const handle = await openDb({ databaseUrl: url.toString(), poolSize: 1 });
  await runMigrations(handle);
  await seedBase(handle.db, new Date());
  await handle.close();
  project.provide('testDatabaseUrl', url.toString());
  return async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl?: string;
  }
}
