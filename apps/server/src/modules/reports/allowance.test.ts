import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../test/harness';
import { fixedClock } from '../../lib/clock';
import { createAllowance } from './allowance';

const START = new Date('2025-03-03T08:00:00+08:00');
const HOUR = 60 * 60 * 1000;
const setup = async (limits = { submissions: 3, upload_bytes: 1000 }) => {
  const { db } = await testDb();
  const clock = fixedClock(START);
  return { clock, allowance: createAllowance({ db, clock, limits }) };
};
const source = () => `src-${randomUUID()}`;

describe('public allowance', () => {
  it('gives exactly the allowance free to simultaneous requests from one address, across server processes', async () => {
    const { db } = await testDb();
    const clock = fixedClock(START);
    const limits = { submissions: 5, upload_bytes: 0 };
    const processes = [0, 1, 2].map(() => createAllowance({ db, clock, limits }));
    const who = source();
    const free = await Promise.all(Array.from({ length: 30 }, (_, i) => processes[i % 3]!.reserve(who, 'submissions')));
    expect(free.filter(Boolean)).toHaveLength(5);
    expect(await processes[0]!.exhausted(who, 'submissions')).toBe(true);
    expect(await processes[0]!.exhausted(source(), 'submissions')).toBe(false);
  });

  it('sums bytes, and starts again an hour after the window opened', async () => {
    const { clock, allowance } = await setup();
    const who = source();
    expect(await allowance.exhausted(who, 'upload_bytes', 1001)).toBe(true);
    expect(await allowance.reserve(who, 'upload_bytes', 600)).toBe(true);
    expect(await allowance.exhausted(who, 'upload_bytes', 400)).toBe(false);
    expect(await allowance.exhausted(who, 'upload_bytes', 401)).toBe(true);
    clock.advance(30 * 60 * 1000);
    expect(await allowance.reserve(who, 'upload_bytes', 500)).toBe(false);
    // a refused use still counts: failures buy nothing
    expect(await allowance.reserve(who, 'upload_bytes', 1)).toBe(false);
    clock.set(new Date(START.getTime() + HOUR));
    expect(await allowance.reserve(who, 'upload_bytes', 1000)).toBe(true);
    expect(await allowance.reserve(who, 'submissions')).toBe(true);
  });

  it('always asks when no free use is configured', async () => {
    const { allowance } = await setup({ submissions: 0, upload_bytes: 0 });
    expect(await allowance.exhausted(source(), 'submissions')).toBe(true);
    expect(await allowance.reserve(source(), 'submissions')).toBe(false);
  });
});
