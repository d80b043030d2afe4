import { and, desc, eq, sql } from 'drizzle-orm';
import type { TransparencyData, TransparencyMonthView } from '@tianlang/contracts';
import { changePercent, officeDate, periodContaining, previousPeriod, samePeriodLastYear } from '@tianlang/core';
import type { Db } from '../../db/client';
import { lockInTx, lockKeys } from '../../db/locks';
import { jurisdictions, statsTransparencyMonths, users, type StatsTransparencyMonthRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { assertJurisdictionInScope } from '../auth/scope';
import { index } from './dashboard.service';
import { slicesOf } from './period';
import type { RollupRepo } from './rollup.repo';
import type { StatsRepo } from './stats.repo';

const LEVEL_ORDER = ['city', 'district', 'town', 'community'];
const share = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);

/**
 * The public monthly statistics (the layout of the national reporting centre's monthly release:
 * total, by level, by category, 环比 and 同比). The public only ever sees a snapshot a leader
 * approved; a correction is a new version with its reason, never a silent change.
 */
export function createTransparencyService(deps: {
  db: Db; clock: Clock; repo: StatsRepo; rollup: RollupRepo; publicJurisdiction: () => Promise<{ id: string; path: string }>;
  categoryNames: () => Promise<Map<string, string>>;
}) {
  const { db, clock, repo, rollup, categoryNames } = deps;

  async function office() {
    const root = await deps.publicJurisdiction();
    const [j] = await db.select({ id: jurisdictions.id, name: jurisdictions.name, path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, root.id));
    return j!;
  }

  /** The month's figures as they stand now (the rollup, caught up first). */
  async function compute(month: string): Promise<TransparencyData> {
    const o = await office();
    const p = periodContaining('month', `${month}-01`);
    const [cur, prev, ly, cats] = await Promise.all([
      repo.sums(o.id, slicesOf(p), ['all', 'level', 'category']),
      repo.sums(o.id, slicesOf(previousPeriod(p)), ['all', 'category']),
      repo.sums(o.id, slicesOf(samePeriodLastYear(p)), ['all']),
      categoryNames(),
    ]);
    const c = index(cur);
    const pr = index(prev);
    const total = c.all('received');
    const previousTotal = pr.all('received');
    const lastYearTotal = index(ly).all('received');
    return {
      month, office: o.name, total, previousTotal, lastYearTotal,
      monthOnMonth: changePercent(total, previousTotal), yearOnYear: changePercent(total, lastYearTotal),
      byLevel: c.keys('level').sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b))
        .map((key) => ({ key, label: key, count: c.get('level', key, 'received'), share: share(c.get('level', key, 'received'), total) })),
      byCategory: c.keys('category').map((key) => {
        const n = c.get('category', key, 'received');
        return { key, label: cats.get(key) ?? key, count: n, share: share(n, total), monthOnMonth: changePercent(n, pr.get('category', key, 'received')) };
      }).sort((a, b) => b.count - a.count),
      accepted: c.all('accepted'),
      disposed: c.all('disposed'),
    };
  }

  const view = (r: StatsTransparencyMonthRow & { approverName: string }): TransparencyMonthView => ({
    month: r.month.slice(0, 7), version: r.version, data: r.data as TransparencyData, approvedBy: r.approverName,
    approvedAt: r.approvedAt.toISOString(), correction: r.correction,
  });

  async function latest(jurisdictionId: string, month?: string) {
    const rows = await db.select({ r: statsTransparencyMonths, approverName: users.displayName }).from(statsTransparencyMonths)
      .innerJoin(users, eq(users.id, statsTransparencyMonths.approvedBy))
      .where(and(eq(statsTransparencyMonths.jurisdictionId, jurisdictionId), month ? eq(statsTransparencyMonths.month, `${month}-01`) : undefined))
      .orderBy(desc(statsTransparencyMonths.month), desc(statsTransparencyMonths.version));
    const seen = new Set<string>();
    return rows.filter(({ r }) => !seen.has(r.month) && seen.add(r.month)).map(({ r, approverName }) => view({ ...r, approverName }));
  }

  async function assertLeaderScope(user: AuthUser) {
    const o = await office();
    assertJurisdictionInScope(user, o, 'the public page belongs to an office outside your scope');
    return o;
  }

  async function preview(user: AuthUser, month: string) {
    const o = await assertLeaderScope(user);
    await rollup.refresh();
    return { live: await compute(month), published: (await latest(o.id, month))[0] ?? null };
  }

  /** Freezes the month as it stands; a month already published needs a correction note. */
  async function approve(user: AuthUser, month: string, correction?: string) {
    const o = await assertLeaderScope(user);
    const now = clock.now();
    const lastDay = periodContaining('month', `${month}-01`).to;
    if (lastDay >= officeDate(now)) throw new AppError('stats.month_not_over', 'a month can be published once it is over', { details: { month } });
    await rollup.refresh();
    const data = await compute(month);
    return db.transaction(async (tx) => {
      await lockInTx(tx, lockKeys.statsTransparency(o.id, month));
      const [prev] = await tx.select({ version: statsTransparencyMonths.version }).from(statsTransparencyMonths)
        .where(and(eq(statsTransparencyMonths.jurisdictionId, o.id), eq(statsTransparencyMonths.month, `${month}-01`)))
        .orderBy(desc(statsTransparencyMonths.version)).limit(1);
      if (prev && !correction) throw new AppError('stats.already_published', 'this month is published; a new version needs a correction note', { details: { month, version: prev.version } });
      const version = (prev?.version ?? 0) + 1;
      const [row] = await tx.insert(statsTransparencyMonths).values({
        jurisdictionId: o.id, month: `${month}-01`, version, data: data as unknown as Record<string, unknown>,
        correction: prev ? correction! : null, approvedBy: user.id, approvedAt: now,
      }).returning();
      await appendEvent(tx, {
        subjectType: 'stats_transparency', subjectId: `${o.id}:${month}`, action: prev ? 'stats.transparency_corrected' : 'stats.transparency_approved',
        actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId, reason: correction ?? null,
        payload: { month, version, total: data.total }, at: now,
      });
      return view({ ...row!, approverName: user.displayName });
    });
  }

  async function feed() {
    const o = await office();
    return { office: o.name, months: await latest(o.id) };
  }
  async function publishedMonth(month: string) {
    const o = await office();
    const [m] = await latest(o.id, month);
    if (!m) throw new AppError('stats.not_published', 'this month is not published');
    return m;
  }

  return { compute, preview, approve, feed, publishedMonth };
}
export type TransparencyService = ReturnType<typeof createTransparencyService>;
