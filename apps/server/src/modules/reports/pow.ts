import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { powSpent } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { randomToken, safeEqual } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';

/** How long an issued challenge may be solved and spent. */
export const POW_VALIDITY_MS = 10 * 60 * 1000;

export interface PowChallenge { challenge: string; difficulty: number; expiresAt: string }
export interface PowSolution { challenge: string; nonce: string }

/** Where spent challenges are remembered until they expire. */
export interface SpentStore {
  /** true when the challenge was not spent before (and is now) */
  spend(challenge: string, expiresAt: Date): boolean | Promise<boolean>;
}

/**
 * The server's store: a table every process shares, so a solution is accepted once whichever
 * process sees it. Expired rows are deleted at most once a minute per process.
 */
export function dbSpentStore(db: Db, clock: Clock): SpentStore {
  let prunedAt = 0;
  return {
    async spend(challenge, expiresAt) {
      const now = clock.now();
      if (now.getTime() - prunedAt > 60_000) {
        prunedAt = now.getTime();
        await db.delete(powSpent).where(lt(powSpent.expiresAt, now));
      }
      const challengeHash = createHash('sha256').update(challenge).digest('hex');
      const inserted = await db.insert(powSpent).values({ challengeHash, expiresAt }).onConflictDoNothing().returning({ h: powSpent.challengeHash });
      return inserted.length === 1;
    },
  };
}

/** One process's memory (tests, tools): a bounded map of spent challenges. */
export function memorySpentStore(clock: Clock, maxEntries = 1_000_000): SpentStore {
  const spent = new Map<string, number>();
  let prunedAt = 0;
  return {
    spend(challenge, expiresAt) {
      const now = clock.now().getTime();
      if (now - prunedAt > 60_000 || spent.size >= maxEntries) {
        for (const [c, exp] of spent) if (exp < now) spent.delete(c);
        prunedAt = now;
      }
      if (spent.has(challenge)) return false;
      // Full of unexpired entries: each cost a solved puzzle, so this is a sustained attack; refuse
      // rather than forget (forgetting would let old solutions be replayed).
      if (spent.size >= maxEntries) return false;
      spent.set(challenge, expiresAt.getTime());
      return true;
    },
  };
}

/** Leading zero bits of a hash. */
export function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) { bits += 8; continue; }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const powHash = (challenge: string, nonce: string) => createHash('sha256').update(`${challenge}:${nonce}`).digest();

/**
 * Proof of work for submission floods. A challenge is `${expiresMs}.${random}.${mac}`: stateless
 * to issue (the MAC proves we issued it), remembered only once spent. The client finds a decimal
 * nonce such that SHA-256(`${challenge}:${nonce}`) starts with `difficulty` zero bits.
 */
export function createPow(deps: { secrets: Secrets; clock: Clock; difficulty: number; spent?: SpentStore }) {
  const { secrets, clock, difficulty } = deps;
  const spent = deps.spent ?? memorySpentStore(clock);
  const sign = (expiresMs: number, random: string) => secrets.mac('pow', `${expiresMs}.${random}.${difficulty}`);
  const fail = (reason: string) => new AppError('report.pow_invalid', `proof of work rejected: ${reason}`, { details: { reason } });

  function issue(): PowChallenge {
    const expiresMs = clock.now().getTime() + POW_VALIDITY_MS;
    const random = randomToken(12);
    return { challenge: `${expiresMs}.${random}.${sign(expiresMs, random)}`, difficulty, expiresAt: new Date(expiresMs).toISOString() };
  }

  /** Rejects with AppError('report.pow_invalid') unless the solution is right, fresh and unspent. */
  async function verify({ challenge, nonce }: PowSolution): Promise<void> {
    const m = /^(\d{13,15})\.([A-Za-z0-9_-]{16})\.([0-9a-f]{64})$/.exec(challenge);
    if (!m) throw fail('malformed');
    const expiresMs = Number(m[1]);
    // the MAC covers the difficulty too: a challenge issued before a difficulty change is refused
    if (!safeEqual(m[3]!, sign(expiresMs, m[2]!))) throw fail('forged');
    if (clock.now().getTime() > expiresMs) throw fail('expired');
    if (!/^\d{1,40}$/.test(nonce)) throw fail('malformed');
    if (leadingZeroBits(powHash(challenge, nonce)) < difficulty) throw fail('wrong');
    if (!(await spent.spend(challenge, new Date(expiresMs)))) throw fail('replayed');
  }

  return { issue, verify, difficulty };
}
export type Pow = ReturnType<typeof createPow>;
