import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockKeys } from './locks';

const SRC = path.resolve(import.meta.dirname, '..');
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const file = path.join(dir, e.name);
  if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(file);
  return /\.ts$/.test(e.name) && !e.name.endsWith('.test.ts') ? [file] : [];
});

describe('advisory locks', () => {
  it('are taken only through db/locks.ts', () => {
    const elsewhere = sources(SRC).filter((f) => /pg_(try_)?advisory/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f));
    expect(elsewhere).toEqual([path.join('db', 'locks.ts')]);
  });

  it('have one distinct key per purpose', () => {
    const keys = [
      lockKeys.chain('report', 'r1'), lockKeys.auditCheckpoint, lockKeys.lexiconVersions, lockKeys.unclaimedPublicEvidence,
      lockKeys.statsRollup, lockKeys.statsTransparency('j1', '2026-01'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(lockKeys.chain('report', 'r1')).toBe(`${lockKeys.chainPrefix('report')}r1`);
  });
});
