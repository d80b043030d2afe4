import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** One query layer for both databases. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** human-readable location, never including a password */
  where: string;
  close(): Promise<void>;
  /** the raw PGlite, when embedded (tests dump and load data dirs with it) */
  pglite?: PGlite;
}

export interface OpenDbOptions {
  databaseUrl?: string;
  /** folder for the embedded database; undefined means in memory */
  dataDir?: string;
  /** a pre-made PGlite data dir (tar) to start from, for fast test databases */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // Parse timestamptz as Date and leave `date` columns as YYYY-MM-DD strings.
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await pool.query('select 1');
    const url = new URL(opts.databaseUrl);
    return { db, kind: 'postgres', where: `${url.hostname}:${url.port || 5432}${url.pathname}`, close: () => pool.end() };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    extensions: { pg_trgm },
    loadDataDir: opts.loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    where: opts.dataDir ?? 'memory',
    close: () => client.close(),
    pglite: client,
  };
}
