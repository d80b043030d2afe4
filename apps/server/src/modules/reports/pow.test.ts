import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock';
import { createSecrets } from '../../lib/secrets';
import { solvePow, wrongNonce } from '../../../test/pow-solver';
import { eq } from 'drizzle-orm';
import { testDb } from '../../../test/harness';
import { powSpent } from '../../db/schema';
import { POW_VALIDITY_MS, createPow, dbSpentStore, leadingZeroBits, memorySpentStore } from './pow';

const key = () => randomBytes(32).toString('base64');
const START = new Date('2025-03-03T08:00:00+08:00');
const HOUR = 60 * 60 * 1000;

function setup(difficulty = 10) {
  const clock = fixedClock(START);
  const secrets = createSecrets(key());
  return { clock, secrets, pow: createPow({ secrets, clock, difficulty }) };
}
const rejects = (fn: () => Promise<unknown>, reason: string) =>
  expect(fn()).rejects.toMatchObject({ code: 'report.pow_invalid', details: { reason } });

describe('proof of work', () => {
  it('issues a signed challenge valid for ten minutes', async () => {
    const { pow } = setup(12);
    const c = pow.issue();
    expect(c.difficulty).toBe(12);
    expect(c.expiresAt).toBe(new Date(START.getTime() + POW_VALIDITY_MS).toISOString());
    expect(c.challenge).toMatch(/^\d{13}\.[\w-]{16}\.[0-9a-f]{64}$/);
    expect(pow.issue().challenge).not.toBe(c.challenge);
  });

  it('accepts a solution once and refuses its replay', async () => {
    const { pow } = setup();
    const { challenge, difficulty } = pow.issue();
    const nonce = solvePow(challenge, difficulty);
    await expect(pow.verify({ challenge, nonce })).resolves.toBeUndefined();
    await rejects(() => pow.verify({ challenge, nonce }), 'replayed');
    // another nonce for the same challenge is a replay too
    await rejects(() => pow.verify({ challenge, nonce: solvePow(challenge, difficulty, Number(nonce) + 1) }), 'replayed');
  });

  it('refuses a nonce that does not meet the difficulty, or is not a decimal number', async () => {
    const { pow } = setup(16);
    const { challenge } = pow.issue();
    await rejects(() => pow.verify({ challenge, nonce: wrongNonce(challenge, 16) }), 'wrong');
    await rejects(() => pow.verify({ challenge, nonce: 'abc' }), 'malformed');
    await rejects(() => pow.verify({ challenge, nonce: '' }), 'malformed');
    // a refused attempt spends nothing: the right answer still works
    await expect(pow.verify({ challenge, nonce: solvePow(challenge, 16) })).resolves.toBeUndefined();
  });

  it('refuses an expired challenge, even correctly solved', async () => {
    const { pow, clock } = setup();
    const { challenge, difficulty } = pow.issue();
    const nonce = solvePow(challenge, difficulty);
    clock.advance(POW_VALIDITY_MS + 1);
    await rejects(() => pow.verify({ challenge, nonce }), 'expired');
  });

  it('refuses forged challenges: edited expiry, another key, another difficulty, garbage', async () => {
    const { pow, clock, secrets } = setup();
    const { challenge } = pow.issue();
    const [exp, random, mac] = challenge.split('.');
    const later = `${Number(exp) + HOUR}.${random}.${mac}`;
    await rejects(() => pow.verify({ challenge: later, nonce: solvePow(later, 10) }), 'forged');
    const foreign = createPow({ secrets: createSecrets(key()), clock, difficulty: 10 }).issue().challenge;
    await rejects(() => pow.verify({ challenge: foreign, nonce: solvePow(foreign, 10) }), 'forged');
    // solved at an easier setting, then the office raised the difficulty
    const easy = createPow({ secrets, clock, difficulty: 4 }).issue().challenge;
    await rejects(() => pow.verify({ challenge: easy, nonce: solvePow(easy, 4) }), 'forged');
    for (const bad of ['', 'x', `${exp}.${random}`, `${exp}.${random}.${mac}.1`, `${exp}.${random}.${mac!.toUpperCase()}`]) {
      await rejects(() => pow.verify({ challenge: bad, nonce: '1' }), 'malformed');
    }
  });

  it('counts leading zero bits', async () => {
    expect(leadingZeroBits(Buffer.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Buffer.from([0x00, 0x00, 0x0f]))).toBe(20);
    expect(leadingZeroBits(Buffer.from([0x01, 0xff]))).toBe(7);
    expect(leadingZeroBits(Buffer.alloc(32))).toBe(256);
  });

  it('forgets spent challenges once expired, and refuses rather than forgets when full', async () => {
    const clock = fixedClock(START);
    const spent = memorySpentStore(clock, 2);
    const exp = new Date(START.getTime() + POW_VALIDITY_MS);
    expect(spent.spend('a', exp)).toBe(true);
    expect(spent.spend('b', exp)).toBe(true);
    expect(spent.spend('c', exp)).toBe(false);
    expect(spent.spend('a', exp)).toBe(false);
    clock.advance(POW_VALIDITY_MS + 1);
    expect(spent.spend('c', new Date(clock.now().getTime() + POW_VALIDITY_MS))).toBe(true);
  });
});

describe('spent challenges in the database', () => {
  it('accepts a solution once across server processes, even at the same moment, and forgets it once expired', async () => {
    const { db } = await testDb();
    // earlier than the clocks of other files sharing the database, so the pruning below never touches their rows
    const clock = fixedClock(START);
    const secrets = createSecrets(key());
    const [one, two] = [0, 1].map(() => createPow({ secrets, clock, difficulty: 8, spent: dbSpentStore(db, clock) }));
    const { challenge } = one!.issue();
    const nonce = solvePow(challenge, 8);
    const outcomes = await Promise.allSettled([one!.verify({ challenge, nonce }), two!.verify({ challenge, nonce })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ details: { reason: 'replayed' } });
    await rejects(() => one!.verify({ challenge, nonce }), 'replayed');
    const hash = createHash('sha256').update(challenge).digest('hex');
    expect(await db.select().from(powSpent).where(eq(powSpent.challengeHash, hash))).toHaveLength(1);
    // past its expiry (and the pruning interval) the next spend clears it out
    clock.advance(POW_VALIDITY_MS + 61_000);
    const fresh = two!.issue().challenge;
    await expect(two!.verify({ challenge: fresh, nonce: solvePow(fresh, 8) })).resolves.toBeUndefined();
    expect(await db.select().from(powSpent).where(eq(powSpent.challengeHash, hash))).toHaveLength(0);
  });
});
