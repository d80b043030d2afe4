import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testConfig } from '../config';
import { createLogger } from '../bootstrap';
import { buildApp } from '../http/app';
import { createServices } from '../services';
import { fixedClock } from './clock';
import { errorText } from './error-log';
import { testDb } from '../../test/harness';
import type { FastifyInstance } from 'fastify';

// A value that must never appear in a log line or a stored error: it stands for a reporter's contact.
const SECRET = 'contact-13800000000-sealed';
const lines: string[] = [];
let app: FastifyInstance;
let failing: () => Promise<unknown>;

beforeAll(async () => {
  const handle = await testDb();
  const logger = createLogger({ LOG_LEVEL: 'info' }, { write: (line: string) => { lines.push(line); } });
  const s = createServices({ config: testConfig(), handle, clock: fixedClock(new Date()), logger });
  // a statement the database refuses, carrying the secret as a parameter
  failing = () => s.db.execute(sql`select ${SECRET}::text as contact, ${'a\u0000b'}::text as nul`);
  app = await buildApp(s);
  app.get('/api/test/failing-statement', { config: { public: true } }, async () => failing());
  await app.ready();
});
afterAll(() => app.close());

describe('failed statements in logs and stored errors', () => {
  it('logs the database error code and message, never the statement or its parameters', async () => {
    lines.length = 0;
    const res = await app.inject({ method: 'GET', url: '/api/test/failing-statement' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'server.internal', message: 'internal error' });
    const failed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].err).toMatchObject({ type: 'DrizzleQueryError', code: '22021', cause: { code: '22021' } });
    expect(failed[0].err.message).toMatch(/invalid byte sequence/);
    const all = lines.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toMatch(/params|select /i);
  });

  it('stores a one-line text without them either (a job’s lastError, an import’s failure note)', async () => {
    const err = await failing().then(() => undefined, (e: unknown) => e);
    expect(String((err as Error).message)).toContain(SECRET); // what the library itself puts in the message
    const text = errorText(err);
    expect(text).toMatch(/^DrizzleQueryError 22021: query failed: invalid byte sequence/);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/params|select /i);
  });
});
