import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher';

/** A store whose writes finish only when the test says so; it records each statement's items. */
function fakeStore(opts: { bad?: (n: number) => boolean } = {}) {
  const statements: number[][] = [];
  const pending: (() => void)[] = [];
  const stored: number[] = [];
  const write = (items: number[]) => new Promise<number[]>((resolve, reject) => {
    statements.push(items);
    pending.push(() => {
      if (items.some((n) => opts.bad?.(n))) reject(new Error(`bad item in ${items.join(',')}`));
      else { stored.push(...items); resolve(items.map((n) => n * 10)); }
    });
  });
  const finishAll = async () => {
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { statements, stored, finishAll, writer: createBatcher<number, number>({ runMany: write, runOne: async (n) => (await write([n]))[0]!, maxBatch: 3, maxInFlight: 1 }) };
}

describe('batcher', () => {
  it('writes the first item at once and groups what arrives while a statement runs, up to the batch size', async () => {
    const s = fakeStore();
    const results = [1, 2, 3, 4, 5, 6].map((n) => s.writer.run(n));
    expect(s.statements).toEqual([[1]]);
    await s.finishAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(s.statements).toEqual([[1], [2, 3, 4], [5, 6]]);
    expect(s.writer.stats()).toMatchObject({ statements: 3, items: 6, largest: 3, fallbacks: 0 });
  });

  it('retries a failed group item by item, so only the bad item fails', async () => {
    const s = fakeStore({ bad: (n) => n === 3 });
    const results = [1, 2, 3, 4].map((n) => s.writer.run(n).then((v) => ({ ok: v }), (err: Error) => ({ err: err.message })));
    await s.finishAll();
    expect(await Promise.all(results)).toEqual([{ ok: 10 }, { ok: 20 }, { err: 'bad item in 3' }, { ok: 40 }]);
    expect(s.statements).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(s.stored.sort()).toEqual([1, 2, 4]);
    expect(s.writer.stats().fallbacks).toBe(1);
  });

  it('refuses a writer that could never write', () => {
    expect(() => createBatcher({ runMany: async () => [], runOne: async () => 0, maxBatch: 0, maxInFlight: 1 })).toThrow(/at least 1/);
  });
});
