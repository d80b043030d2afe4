import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { publicAllowance } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Pow, PowSolution } from './pow';

export type AllowanceKind = (typeof publicAllowance.kind.enumValues)[number];
const HOUR = 60 * 60 * 1000;

/**
 * What a public address may use for free in an hour — submissions, upload bytes — before each
 * further use costs a proof of work. Keyed by a keyed hash of the address, never the address.
 *
 * Reserve first, then act: `reserve` counts the use in one upsert, whose row lock makes concurrent
 * requests from one address each see their own total, so exactly the allowance passes free however
 * many arrive at once, on every server process alike. A reservation is kept whatever then happens
 * (a refused proof, an invalid report): a failed attempt costs the same as a successful one, so
 * failures cannot be used to probe for free. The window is an hour from the address's first use;
 * at its turn the count starts again (a fixed window: at most twice the allowance across a turn).
 */
export function createAllowance({ db, clock, limits }: { db: Db; clock: Clock; limits: Record<AllowanceKind, number> }) {
  let prunedAt = 0;
  const a = publicAllowance;

  async function prune(now: Date) {
    if (now.getTime() - prunedAt < 60_000) return;
    prunedAt = now.getTime();
    await db.delete(a).where(lte(a.windowStart, new Date(now.getTime() - HOUR)));
  }

  /** Counts `amount` against the address's allowance of `kind`; true when it is still within it (free). */
  async function reserve(sourceHash: string, kind: AllowanceKind, amount = 1): Promise<boolean> {
    const now = clock.now();
    await prune(now);
    if (limits[kind] <= 0) return false;
    const turned = sql`${a.windowStart} <= ${new Date(now.getTime() - HOUR).toISOString()}::timestamptz`;
    const [row] = await db.insert(a).values({ sourceHash, kind, windowStart: now, used: amount })
      .onConflictDoUpdate({
        target: [a.sourceHash, a.kind],
        set: {
          windowStart: sql`case when ${turned} then ${now.toISOString()}::timestamptz else ${a.windowStart} end`,
          used: sql`case when ${turned} then ${amount}::bigint else ${a.used} + ${amount}::bigint end`,
        },
      })
      .returning({ used: a.used });
    return Number(row!.used) <= limits[kind];
  }

  /** Whether the next use of `amount` would be past the allowance (for telling the form in advance). */
  async function exhausted(sourceHash: string, kind: AllowanceKind, amount = 1): Promise<boolean> {
    if (limits[kind] <= 0) return true;
    const now = clock.now();
    const [row] = await db.select({ used: a.used, windowStart: a.windowStart }).from(a).where(and(eq(a.sourceHash, sourceHash), eq(a.kind, kind)));
    if (!row || row.windowStart.getTime() <= now.getTime() - HOUR) return amount > limits[kind];
    return Number(row.used) + amount > limits[kind];
  }

  return { reserve, exhausted };
}
export type Allowance = ReturnType<typeof createAllowance>;

/**
 * The one rule of the public endpoints: a use within the address's free allowance passes; past it, the
 * request must carry a solved proof of work (`report.pow_required` tells the client how to send one).
 */
export async function reserveOrProve(
  gate: { allowance: Allowance; pow: Pow }, sourceHash: string, kind: AllowanceKind, amount: number,
  solved: PowSolution | undefined, howToSend: string,
): Promise<void> {
  if (await gate.allowance.reserve(sourceHash, kind, amount)) return;
  if (!solved) throw new AppError('report.pow_required', howToSend);
  await gate.pow.verify(solved);
}
