import { inject } from 'vitest';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { testConfig, type Config } from '../src/config';
import { openDb, type DbHandle } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { buildApp } from '../src/http/app';
import { fixedClock } from '../src/lib/clock';
import { createServices, type Services } from '../src/services';
import { seedBase } from '../src/seed/base';
import { LOG_SERIALIZERS } from '../src/lib/error-log';

let shared: Promise<DbHandle> | undefined;

/** One migrated database per worker (files in a worker share it; see vitest.config.ts). */
export function testDb(): Promise<DbHandle> {
  shared ??= (async () => {
    const url = inject('testDatabaseUrl');
    if (url) return openDb({ databaseUrl: url, poolSize: 4 });
    const handle = await openDb({});
    await runMigrations(handle);
    await seedBase(handle.db, new Date());
    return handle;
  })();
  return shared;
}

export interface TestApp {
  app: FastifyInstance;
  s: Services;
  clock: ReturnType<typeof fixedClock>;
  handle: DbHandle;
  close(): Promise<void>;
}

/** A real app on the shared database, with its own clock and config. */
export async function buildTestApp(overrides: Partial<Config> = {}, start = new Date(), opts: { serveWeb?: boolean } = {}): Promise<TestApp> {
  const handle = await testDb();
  const clock = fixedClock(start);
  // Files share a database: failed sign-ins of one file must not throttle another's (the throttle's
  // own tests set LOGIN_MAX_FAILURES).
  const config = testConfig({ RATE_LIMIT_LOGIN_PER_MINUTE: 100_000, LOGIN_MAX_FAILURES: 10_000, ...(process.env.TEST_LOG ? { LOG_LEVEL: 'error' as const } : {}), ...overrides });
  const s = createServices({ config, handle, clock, logger: pino({ level: process.env.TEST_LOG ? 'error' : 'silent', serializers: LOG_SERIALIZERS }) });
  const app = await buildApp(s, opts);
  await app.ready();
  return { app, s, clock, handle, close: () => app.close() };
}
