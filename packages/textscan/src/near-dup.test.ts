import { describe, expect, it } from 'vitest';
import { TextscanError } from './errors.js';
import { createMinHasher, createNearDupIndex } from './near-dup.js';

const RUMOR = '紧急通知：明天起全市停水三天，请大家提前储水，转发给身边的亲友！';

describe('createNearDupIndex', () => {
  it('finds an edited copy of a known rumor with a high similarity, and not unrelated text', () => {
    const index = createNearDupIndex();
    index.add('rumor-1', RUMOR);
    index.add('rumor-2', '某地发现新型病毒，喝板蓝根可以预防，已经有专家证实。');
    index.add('harm-1', '高薪招聘日结兼职，刷单返利，一单一结，加微信详聊。');
    const edited = '紧急通知!!明天起全市停水3天，请大家提前储水，转发给身边亲友';
    const hits = index.query(edited);
    expect(hits[0]?.id).toBe('rumor-1');
    expect(hits[0]!.similarity).toBeGreaterThan(0.6);
    expect(hits.map((h) => h.id)).not.toContain('harm-1');
    expect(index.query('今天天气很好，我们去公园散步吧。')).toEqual([]);
  });

  it('normalization makes traditional, full-width and spaced copies identical', () => {
    const index = createNearDupIndex();
    index.add('a', '高薪招聘日结兼职刷单返利');
    expect(index.query('高 薪 招 聘 日 結 兼 職 刷 單 返 利')).toEqual([{ id: 'a', similarity: 1 }]);
    expect(index.similarity('ＡＢＣ１２３', 'abc123')).toBe(1);
  });

  it('orders by similarity, honours threshold and limit, replaces and removes items', () => {
    const index = createNearDupIndex({ seed: 7 });
    index.add('x', RUMOR);
    index.add('y', RUMOR.slice(0, 24));
    const all = index.query(RUMOR, { threshold: 0.3 });
    expect(all.map((h) => h.id)).toEqual(['x', 'y']);
    expect(all[0]!.similarity).toBeGreaterThanOrEqual(all[1]!.similarity);
    expect(index.query(RUMOR, { threshold: 0.3, limit: 1 })).toHaveLength(1);
    index.add('x', '完全不同的另一段文字内容，讲的是别的事情');
    expect(index.query(RUMOR).map((h) => h.id)).not.toContain('x');
    expect(index.remove('y')).toBe(true);
    expect(index.remove('y')).toBe(false);
    expect(index.size).toBe(1);
  });

  it('rejects text with nothing to compare and bad options', () => {
    const index = createNearDupIndex();
    expect(() => index.add('p', '。。！！ ')).toThrow(TextscanError);
    expect(index.query('……')).toEqual([]);
    expect(() => createNearDupIndex({ hashes: 100, bands: 32 })).toThrow(TextscanError);
  });
});

describe('createMinHasher (band keys for a database index)', () => {
  it('gives near-identical texts shared band keys and unrelated texts none, as signed 32-bit ints', () => {
    const h = createMinHasher({ hashes: 64, bands: 16 });
    const a = h.signature('某平台账号发布虚假招聘信息，诱导求职者缴纳培训费和押金，已有多人被骗，请尽快处理！')!;
    const b = h.signature('某平台帐号发布虚假招聘信息，诱导求职者缴纳培训费和押金，已有多人被骗，请尽快处理。')!;
    const c = h.signature('小区门口的电子屏整夜播放低俗广告，影响未成年人，希望有关部门管一管。')!;
    const ka = h.bandKeys(a);
    const kb = h.bandKeys(b);
    expect(ka).toHaveLength(16);
    expect(ka.every((k) => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31)).toBe(true);
    expect(ka.filter((k) => kb.includes(k)).length).toBeGreaterThan(0);
    expect(h.bandKeys(c).filter((k) => ka.includes(k))).toEqual([]);
    expect(h.estimate(a, b)).toBeGreaterThan(0.8);
    expect(h.estimate(a, c)).toBeLessThan(0.2);
    expect(h.signature('！！！……')).toBeUndefined();
  });
});
