import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkGradeChange, checkIdentifiers, DRAW_ALGORITHM, drawFrom, entityCanonicalUrl, icpBase, normalizeAppId, normalizeIcp,
  poolDigest, randomStream, RegistryRuleError, runDraw, searchForm, uniform,
} from '../index';

describe('ICP numbers', () => {
  it('accepts the filing, site, license and B2 forms and normalizes width, case and traditional characters', () => {
    expect(normalizeIcp('京ICP备12345678号')).toBe('京ICP备12345678号');
    expect(normalizeIcp('京ICP备12345678号-1')).toBe('京ICP备12345678号-1');
    expect(normalizeIcp(' 京ｉｃｐ備１２３４５６７８號－２ ')).toBe('京ICP备12345678号-2');
    expect(normalizeIcp('滬ICP备12345678号')).toBe('沪ICP备12345678号');
    expect(normalizeIcp('京ICP证030173号')).toBe('京ICP证030173号');
    expect(normalizeIcp('粤b2-20090059')).toBe('粤B2-20090059');
    expect(icpBase('京ICP备12345678号-3')).toBe('京ICP备12345678号');
  });
  it('rejects malformed numbers', () => {
    for (const bad of ['ICP备12345678号', '京ICP12345678号', '京ICP备123号', '京ICP备12345678', 'X京ICP备12345678号', '美ICP备12345678号', '京ICP备12345678号-']) {
      expect([bad, normalizeIcp(bad)]).toEqual([bad, null]);
    }
  });
});

describe('identifiers', () => {
  it('canonicalizes URLs and bare hosts; rejects other schemes', () => {
    expect(entityCanonicalUrl('WWW.Example.com/path/?utm_source=x')).toBe('https://www.example.com/path');
    expect(entityCanonicalUrl('http://m.weibo.com/u/123')).toBe('https://weibo.com/u/123');
    expect(entityCanonicalUrl('ftp://example.com')).toBeNull();
    expect(entityCanonicalUrl('not a url')).toBeNull();
  });
  it('checks app ids', () => {
    expect(normalizeAppId('com.Example.App')).toBe('com.example.app');
    expect(normalizeAppId('wx1234567890abcdef')).toBe('wx1234567890abcdef');
    expect(normalizeAppId('bad id')).toBeNull();
  });
  it('reports every problem with a Chinese message, and requires an identifier per type', () => {
    const r = checkIdentifiers({ type: 'website', url: 'nope', icpNo: '京ICP123' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['url', 'icpNo']);
    const acc = checkIdentifiers({ type: 'douyin' });
    expect(acc.ok).toBe(false);
    expect(checkIdentifiers({ type: 'led_screen' }).ok).toBe(true);
    expect(checkIdentifiers({ type: 'weibo', accountId: '@UID 1' }).ok).toBe(false);
  });
});

describe('search form', () => {
  it('folds width and case, and simplifies with the injected table', () => {
    const t2s = (s: string) => s.replace(/網/g, '网').replace(/購/g, '购');
    expect(searchForm('  示范 網購  ＡＢＣ ', t2s)).toBe('示范 网购 abc');
  });
});

describe('grades', () => {
  it('lets district and city users change a grade with a reason; not towns', () => {
    expect(() => checkGradeChange('general', 'key', '多次违规', 'district')).not.toThrow();
    expect(() => checkGradeChange('general', 'key', '多次违规', 'town')).toThrow(RegistryRuleError);
    expect(() => checkGradeChange('key', 'key', '理由', 'city')).toThrow(/已经是/);
    expect(() => checkGradeChange('key', 'watch', '', 'city')).toThrow(/理由/);
  });
});

describe('random draw', () => {
  const pool = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const officers = pool.slice(0, 7);
  it('is reproducible from the seed whatever the order of the pools, and changes with the seed', () => {
    const a = runDraw({ seed: '2026-第1批', entityPool: pool, officerPool: officers, entityCount: 5, officerCount: 4, perTask: 2 });
    const b = runDraw({ seed: '2026-第1批', entityPool: [...pool].reverse(), officerPool: [...officers].reverse(), entityCount: 5, officerCount: 4, perTask: 2 });
    expect(b).toEqual(a);
    expect(a.algorithm).toBe(DRAW_ALGORITHM);
    expect(new Set(a.entityIds).size).toBe(5);
    expect(a.tasks.every((t) => t.officerIds.length === 2 && t.officerIds[0] !== t.officerIds[1])).toBe(true);
    const c = runDraw({ seed: '2026-第2批', entityPool: pool, officerPool: officers, entityCount: 5, officerCount: 4, perTask: 2 });
    expect(c.entityIds).not.toEqual(a.entityIds);
    expect(a.poolDigest).toBe(poolDigest(pool, officers));
  });
  it('matches the documented algorithm (fixed vector)', () => {
    // SHA-256("s|x|0") first word, computed independently: the stream is plain SHA-256 in counter mode
    const next = randomStream('s', 'x');
    const first = next();
    expect(first).toBe(Number.parseInt(createHash('sha256').update('s|x|0').digest('hex').slice(0, 8), 16));
    expect(drawFrom(['c', 'a', 'b'], 3, 'seed', 'l').sort()).toEqual(['a', 'b', 'c']);
  });
  it('is unbiased enough: every item is drawn in a long run', () => {
    const next = randomStream('bias', 'u');
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[uniform(next, 6)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});
