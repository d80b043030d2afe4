import { and, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db/client';
import { loginThrottles } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { addressKey, type Secrets } from '../../lib/secrets';

/** What an auth.throttled error carries: the seconds until the next try is allowed (the Retry-After header). */
export const ThrottledDetailsSchema = z.object({ retryAfterSeconds: z.number().int() });

/**
 * Growing delays after failed sign-ins, instead of a lock anyone could trigger.
 *
 * Two buckets count failures: one per submitted username (whether or not it exists, so known and
 * unknown names answer alike) and one per client address. Each bucket allows LOGIN_MAX_FAILURES
 * failures; after that each failure makes the bucket wait 1, 2, 4 … seconds before the next attempt
 * is even checked. An address waits up to LOGIN_LOCK_MINUTES, so one address cannot keep guessing.
 * An account waits at most a minute: an attacker elsewhere can slow its owner down by that much,
 * never shut them out for long, while guessing one account from many addresses stays at one try a
 * minute. Attempts during a wait are refused before the password is looked at (a right password
 * too), and do not lengthen the wait. Buckets forget failures after a quiet day.
 *
 * An attempt is registered before the password is verified (`begin`), so a burst of parallel requests
 * cannot slip through between check and count: once a bucket has used its free failures, only one
 * attempt at a time is checked. `fail` or `succeed` then settles it.
 */
export const ACCOUNT_MAX_DELAY_MS = 60_000;
const FORGET_AFTER_MS = 24 * 3_600_000;
/** an attempt still pending after this long was lost (a crashed process) and no longer holds the bucket */
const PENDING_STALE_MS = 60_000;

type Kind = 'account' | 'address';
interface Bucket { kind: Kind; keyHash: string; maxDelayMs: number }
type Row = typeof loginThrottles.$inferSelect;
export interface Attempt { buckets: Bucket[] }

export function createLoginThrottle({ db, config, clock, secrets }: { db: Db; config: Config; clock: Clock; secrets: Secrets }) {
  const freeFailures = config.LOGIN_MAX_FAILURES;
  const addressMaxMs = config.LOGIN_LOCK_MINUTES * 60_000;
  const accountKey = (username: string) => secrets.mac('login-account', username.toLowerCase());
  // the keyed address hash the public endpoints use: raw addresses are never stored
  const addressOf = (ip: string) => addressKey(secrets, ip);
  const whereBucket = (b: Bucket) => and(eq(loginThrottles.kind, b.kind), eq(loginThrottles.keyHash, b.keyHash));
  let prunedAt = 0;

  const delayMs = (failures: number, maxMs: number) =>
    failures < freeFailures ? 0 : Math.min(1000 * 2 ** (failures - freeFailures), maxMs);
  const freshFailures = (r: Row, now: Date) => (r.lastFailureAt.getTime() < now.getTime() - FORGET_AFTER_MS ? 0 : r.failures);
  const livePending = (r: Row, now: Date) =>
    r.pendingSince && r.pendingSince.getTime() >= now.getTime() - PENDING_STALE_MS ? r.pending : 0;

  async function lockBucket(tx: Tx, b: Bucket, now: Date): Promise<Row> {
    await tx.insert(loginThrottles)
      .values({ kind: b.kind, keyHash: b.keyHash, failures: 0, lastFailureAt: now, blockedUntil: now })
      .onConflictDoNothing();
    const [row] = await tx.select().from(loginThrottles).where(whereBucket(b)).for('update');
    return row!;
  }

  /**
   * How long this bucket makes a new attempt wait (0: go ahead). Never more than the bucket's longest
   * delay, even when another process with a clock ahead of ours set the wait.
   */
  function waitMs(r: Row, b: Bucket, now: Date): number {
    // a wait exists only once the free failures are used (a clock set back must not turn the time of
    // a success into a wait)
    const blocked = freshFailures(r, now) >= freeFailures ? Math.min(r.blockedUntil.getTime() - now.getTime(), b.maxDelayMs) : 0;
    if (blocked > 0) return blocked;
    const pending = livePending(r, now);
    // within the free failures, parallel attempts are fine as long as all of them could fail freely
    return freshFailures(r, now) + pending < freeFailures || pending === 0 ? 0 : 1000;
  }

  /**
   * Registers an attempt against both buckets, or refuses it with `auth.throttled` while either waits.
   * Buckets are locked address first, then account, always in that order (no deadlock).
   */
  async function begin(username: string, ip: string | undefined): Promise<Attempt> {
    const now = clock.now();
    await prune(now);
    const buckets: Bucket[] = [
      ...(ip ? [{ kind: 'address' as const, keyHash: addressOf(ip), maxDelayMs: addressMaxMs }] : []),
      { kind: 'account', keyHash: accountKey(username), maxDelayMs: Math.min(ACCOUNT_MAX_DELAY_MS, addressMaxMs) },
    ];
    const wait = await db.transaction(async (tx) => {
      const rows: Row[] = [];
      for (const b of buckets) rows.push(await lockBucket(tx, b, now));
      const ms = Math.max(...rows.map((r, i) => waitMs(r, buckets[i]!, now)));
      if (ms > 0) return ms;
      for (const [i, b] of buckets.entries()) {
        await tx.update(loginThrottles).set({ pending: livePending(rows[i]!, now) + 1, pendingSince: now }).where(whereBucket(b));
      }
      return 0;
    });
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new AppError('auth.throttled', 'too many failed sign-ins, wait before trying again', { details: { retryAfterSeconds } });
    }
    return { buckets };
  }

  const settled = sql`greatest(${loginThrottles.pending} - 1, 0)`;

  /** The attempt failed: each bucket counts it, and waits 2^k seconds once past the free failures. Returns the account's count. */
  async function fail(attempt: Attempt, tx: Tx): Promise<number> {
    const now = clock.now();
    let accountFailures = 0;
    for (const b of attempt.buckets) {
      const row = await lockBucket(tx, b, now);
      const failures = freshFailures(row, now) + 1;
      const until = Math.min(Math.max(row.blockedUntil.getTime(), now.getTime() + delayMs(failures, b.maxDelayMs)), now.getTime() + b.maxDelayMs);
      await tx.update(loginThrottles).set({ failures, lastFailureAt: now, blockedUntil: new Date(until), pending: settled }).where(whereBucket(b));
      if (b.kind === 'account') accountFailures = failures;
    }
    return accountFailures;
  }

  /**
   * The attempt succeeded: the account starts afresh; the address keeps its failures (signing in
   * with one's own account must not wipe the count of guesses made from there at others').
   */
  async function succeed(attempt: Attempt, tx: Tx) {
    const now = clock.now();
    for (const b of attempt.buckets) {
      const reset = b.kind === 'account' ? { failures: 0, blockedUntil: now } : {};
      await tx.update(loginThrottles).set({ ...reset, pending: settled }).where(whereBucket(b));
    }
  }

  async function prune(now: Date) {
    if (now.getTime() - prunedAt < 60_000) return;
    prunedAt = now.getTime();
    await db.delete(loginThrottles).where(lt(loginThrottles.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)));
  }

  /** Which of these usernames have used up their free failures, so that each further one brings a wait. */
  async function throttledAccounts(usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const byKey = new Map(usernames.map((u) => [accountKey(u), u]));
    const since = new Date(clock.now().getTime() - FORGET_AFTER_MS);
    const rows = await db.select({ keyHash: loginThrottles.keyHash }).from(loginThrottles).where(and(
      eq(loginThrottles.kind, 'account'), inArray(loginThrottles.keyHash, [...byKey.keys()]),
      gte(loginThrottles.failures, freeFailures), gte(loginThrottles.lastFailureAt, since),
    ));
    return new Set(rows.map((r) => byKey.get(r.keyHash)!));
  }

  /** An admin's clearing of an account's failures and wait; true when there was anything to clear. */
  async function clearAccount(tx: Tx, username: string): Promise<boolean> {
    const cleared = await tx.update(loginThrottles).set({ failures: 0, blockedUntil: clock.now() })
      .where(and(eq(loginThrottles.kind, 'account'), eq(loginThrottles.keyHash, accountKey(username)), gt(loginThrottles.failures, 0)))
      .returning({ failures: loginThrottles.failures });
    return cleared.length > 0;
  }

  return { begin, fail, succeed, throttledAccounts, clearAccount };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
