import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const START = path.resolve(import.meta.dirname, '../src/cli/start.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function start(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return run(process.execPath, ['--import', 'tsx', START, ...args], { env: { ...base, ...env }, timeout: 60_000 })
    .then((r) => ({ code: 0, stderr: r.stderr, stdout: r.stdout }), (e: { code: number; stderr: string; stdout: string }) => e);
}

describe('server start-up', () => {
  it('refuses to start on pending migrations and names them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tianlang-start-'));
    dirs.push(dir);
    const r = await start([], { DATA_DIR: dir, PORT: '0', JOBS_ENABLED: 'false' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('0000_foundation');
    expect(r.stderr).toContain('npm run db:migrate');
  }, 60_000);

  it('lists every configuration problem at once and exits', async () => {
    const r = await start([], { PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://nope' });
    expect(r.code).toBe(1);
    for (const key of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(r.stderr).toContain(key);
  }, 60_000);
});
