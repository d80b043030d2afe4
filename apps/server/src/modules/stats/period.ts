import { customPeriod, officeDate, periodContaining, periodRange, periodSlices, previousPeriod, samePeriodLastYear, type Period } from '@tianlang/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import { assertJurisdictionInScope } from '../auth/scope';

export interface PeriodInput { period: Period['kind']; from?: string; to?: string }

/** The period a query asks for; "this month" etc. relative to today in the office's zone. */
export function resolvePeriod(q: PeriodInput, now: Date): Period {
  if (q.period === 'custom') {
    const p = q.from && q.to ? customPeriod(q.from, q.to) : null;
    if (!p) throw new AppError('stats.invalid_period', 'a custom period needs from ≤ to, at most five years apart', { details: { from: q.from, to: q.to } });
    return p;
  }
  if (q.to) throw new AppError('stats.invalid_period', '`to` is for custom periods only');
  return periodContaining(q.period, q.from ?? officeDate(now));
}

export const slicesOf = periodSlices;
export { periodRange, previousPeriod, samePeriodLastYear };

/** The jurisdiction asked for, which must be inside the user's subtree (their own by default). */
export async function resolveScope(db: Db, user: AuthUser, jurisdictionId?: string) {
  const [j] = await db.select({ id: jurisdictions.id, name: jurisdictions.name, level: jurisdictions.level, path: jurisdictions.path })
    .from(jurisdictions).where(eq(jurisdictions.id, jurisdictionId ?? user.jurisdictionId));
  if (!j) throw new AppError('resource.not_found', 'jurisdiction not found');
  assertJurisdictionInScope(user, j);
  return j;
}
export type Scope = Awaited<ReturnType<typeof resolveScope>>;
