import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pub from './public';
import { ContactSchema, PublicReportInputSchema, ReviewRequestInputSchema } from './reports-submission';

/** The files a module imports, followed to the end (relative imports only; others are listed as is). */
function importGraph(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { seen, packages };
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  for (const [, spec] of src.matchAll(/(?:from|import)\s+'([^']+)'/g)) {
    if (spec!.startsWith('.')) importGraph(path.resolve(path.dirname(file), `${spec}.ts`), seen, packages);
    else packages.add(spec!);
  }
  return { seen, packages };
}

describe('@tianlang/contracts/public', () => {
  it('imports no package at all (zod stays out of the public pages)', () => {
    const { seen, packages } = importGraph(path.resolve(import.meta.dirname, 'public.ts'));
    expect(seen.size).toBeGreaterThan(1);
    expect([...packages]).toEqual([]);
  });

  it('holds the limits the report schemas enforce', () => {
    const L = pub.REPORT_LIMITS;
    const base = { categoryCode: 'fraud', goodFaith: true as const };
    const described = (n: number) => PublicReportInputSchema.safeParse({ ...base, description: '字'.repeat(n) }).success;
    expect([described(L.descriptionMin - 1), described(L.descriptionMin), described(L.descriptionMax), described(L.descriptionMax + 1)])
      .toEqual([false, true, true, false]);
    const urls = (n: number) => PublicReportInputSchema.safeParse({ ...base, description: '字'.repeat(20), urls: Array.from({ length: n }, (_, i) => `https://a.example/${i}`) }).success;
    expect([urls(L.urls), urls(L.urls + 1)]).toEqual([true, false]);
    const review = (n: number) => ReviewRequestInputSchema.safeParse({ trackingNo: 'JB20260101ABCDEFGH', queryCode: '123456', reason: '字'.repeat(n) }).success;
    expect([review(L.reviewMin - 1), review(L.reviewMin), review(L.reviewMax), review(L.reviewMax + 1)]).toEqual([false, true, true, false]);
    for (const phone of ['+86 138-0000-0000', '12', 'abc123456']) {
      expect(ContactSchema.safeParse({ phone }).success, phone).toBe(pub.PHONE_PATTERN.test(phone));
    }
  });
});
