import { REPORT_FIGURES, STATS_DIMS, STATS_STAGES, type DashboardView, type ReportFigure, type StatsQuery } from '@tianlang/contracts';
import { histogramPercentile, officeDate, trendBuckets, type Period } from '@tianlang/core';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AuthUser } from '../auth/auth.types';
import type { FigureCatalogue } from './figure-catalogue';
import { GRADE_ZH } from './labels';
import { index, type RollupIndex } from './rollup-index';
import { periodRange, previousPeriod, resolvePeriod, resolveScope, samePeriodLastYear, slicesOf, type Scope } from './period';
import type { StatsRepo } from './stats.repo';
import type { RollupRepo } from './rollup.repo';

const TREND_MEASURES = ['received', 'accepted', 'disposed', 'closed'] as const;
const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 10);

export { index, type RollupIndex };

/** What other modules give the dashboard: category names (reports) and the patrol section (patrol). */
export interface DashboardSources {
  categoryNames: () => Promise<Map<string, string>>;
  patrolSection: (path: string, start: Date, end: Date) => Promise<{
    totals: { scanned: string | number; hit_items: string | number; confirmed: string | number; dismissed: string | number };
    rules: { rule_id: string; pattern: string; category: string; hits: string | number; confirmed: string | number; dismissed: string | number }[];
  }>;
}

export function createDashboardService({ db, clock, repo, rollup, catalogue, sources }: {
  db: Db; clock: Clock; repo: StatsRepo; rollup: RollupRepo; catalogue: FigureCatalogue; sources: DashboardSources;
}) {
  async function dashboard(user: AuthUser, q: StatsQuery): Promise<DashboardView> {
    const period = resolvePeriod(q, clock.now());
    const scope = await resolveScope(db, user, q.jurisdictionId);
    return build(user, scope, period);
  }

  async function build(user: AuthUser, scope: Scope, period: Period): Promise<DashboardView> {
    const prev = previousPeriod(period);
    const ly = samePeriodLastYear(period);
    const all = trendBuckets(period);
    // the trend stops at today: months and days still to come are not zeros
    const today = officeDate(clock.now());
    const tb = { grain: all.grain, keys: all.keys.filter((k, i) => i === 0 || k <= today) };
    const { start, end } = periodRange(period);
    const kids = await repo.children(scope.id);
    const [cur, prevRows, lyRows, trendRows, kidRows, patrol, cats, state] = await Promise.all([
      repo.sums(scope.id, slicesOf(period)),
      repo.sums(scope.id, slicesOf(prev), ['all']),
      repo.sums(scope.id, slicesOf(ly), ['all']),
      repo.trend(scope.id, tb.grain === 'day' ? 'd' : 'm', tb.keys[0]!, tb.keys[tb.keys.length - 1]!, TREND_MEASURES),
      repo.byJurisdiction(kids.map((k) => k.id), slicesOf(period), TREND_MEASURES),
      sources.patrolSection(scope.path, start, end),
      sources.categoryNames(),
      rollup.state(),
    ]);
    const c = index(cur);
    const p = index(prevRows);
    const y = index(lyRows);
    const pathIds = scope.path.split('/').filter(Boolean);
    const trailIds = pathIds.slice(Math.max(0, pathIds.indexOf(user.jurisdictionId)));
    const [unitNames, userNames, trail] = await Promise.all([
      repo.unitNames([...c.keys('transfer_unit'), ...c.keys('order_platform')]),
      repo.userNames(c.keys('reporter')),
      repo.namesOf(trailIds),
    ]);
    // the report figures as the catalogue computes them, for the period, the one before and the year before
    const figureOf = async (f: ReportFigure) => {
      const [value, previous, lastYear] = await Promise.all([[period, c], [prev, p], [ly, y]].map(([pd, ix]) =>
        catalogue.compute(f, { scope, period: pd as Period, rollup: ix as RollupIndex })));
      return [f, { value: value!, previous: previous!, lastYear: lastYear! }] as const;
    };
    const figures = Object.fromEntries(await Promise.all(REPORT_FIGURES.map(figureOf))) as DashboardView['figures'];
    const row = (ix: RollupIndex, dim: string, key: string) => ({
      received: ix.get(dim, key, 'received'), accepted: ix.get(dim, key, 'accepted'), disposed: ix.get(dim, key, 'disposed'), closed: ix.get(dim, key, 'closed'),
    });
    const label = (dim: string, key: string) => (dim === 'category' || dim === 'zone' ? cats.get(key) ?? key : dim === 'grade' ? GRADE_ZH[key] ?? key : key);
    const breakdowns = Object.fromEntries(STATS_DIMS.map((dim) => [dim, c.keys(dim).map((key) => ({ key, label: label(dim, key), ...row(c, dim, key) }))
      .sort((a, b) => b.received - a.received || a.key.localeCompare(b.key))])) as DashboardView['breakdowns'];
    const kidIndex = new Map<string, Map<string, number>>();
    for (const r of kidRows) kidIndex.set(r.id, (kidIndex.get(r.id) ?? new Map()).set(r.measure, r.n));
    const kid = (id: string, m: string) => kidIndex.get(id)?.get(m) ?? 0;
    const trendIx = new Map<string, Map<string, number>>();
    for (const r of trendRows) trendIx.set(r.period, (trendIx.get(r.period) ?? new Map()).set(r.measure, r.n));
    const hist = (stage: string) => new Map(cur.filter((r) => r.dim === 'all' && r.measure === `${stage}_h`).map((r) => [Number(r.key), r.n] as const));
    const num = (s: string | number) => Number(s);
    return {
      period, previous: prev, lastYear: ly,
      jurisdiction: { id: scope.id, name: scope.name, level: scope.level },
      trail: trailIds.map((id) => ({ id, name: trail.get(id) ?? '' })),
      figures,
      onTime: STATS_STAGES.map((stage) => {
        const timed = c.all(`${stage}_timed`);
        const onTime = c.all(`${stage}_on_time`);
        return { stage, timed, onTime, rate: rate(onTime, timed) };
      }),
      durations: STATS_STAGES.map((stage) => {
        const h = hist(stage);
        const fin = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
        return { stage, count: [...h.values()].reduce((a, b) => a + b, 0), median: fin(histogramPercentile(h, 50)), p90: fin(histogramPercentile(h, 90)) };
      }),
      breakdowns,
      jurisdictions: kids.map((k) => ({ key: k.id, label: k.name, hasChildren: k.hasChildren,
        received: kid(k.id, 'received'), accepted: kid(k.id, 'accepted'), disposed: kid(k.id, 'disposed'), closed: kid(k.id, 'closed') })),
      trend: { grain: tb.grain, points: tb.keys.map((key) => ({ key, ...Object.fromEntries(TREND_MEASURES.map((m) => [m, trendIx.get(key)?.get(m) ?? 0])) as Record<(typeof TREND_MEASURES)[number], number> })) },
      transfers: c.keys('transfer_unit').map((u) => {
        const sent = c.get('transfer_unit', u, 'transfer_sent');
        const replied = c.get('transfer_unit', u, 'transfer_replied');
        return { unitId: u, unitName: unitNames.get(u) ?? u, sent, replied, returned: c.get('transfer_unit', u, 'transfer_returned'),
          onTime: c.get('transfer_unit', u, 'transfer_on_time'), replyRate: rate(replied, sent) };
      }).sort((a, b) => b.sent - a.sent),
      orders: c.keys('order_platform').map((pu) => {
        const g = (m: string) => c.get('order_platform', pu, m);
        return { platformUnitId: pu, platformName: unitNames.get(pu) ?? pu, issued: g('order_issued'), answered: g('order_answered'), done: g('order_done'),
          partial: g('order_partial'), refused: g('order_refused'), onTime: g('order_on_time'), complianceRate: rate(g('order_done'), g('order_answered')) };
      }).sort((a, b) => b.issued - a.issued),
      reporters: c.keys('reporter').map((u) => {
        const founded = c.get('reporter', u, 'founded');
        const unfounded = c.get('reporter', u, 'unfounded');
        return { userId: u, name: userNames.get(u) ?? u, received: c.get('reporter', u, 'received'), founded, unfounded, accuracy: rate(founded, founded + unfounded) };
      }).sort((a, b) => b.received - a.received),
      patrol: {
        scanned: num(patrol.totals.scanned), hitItems: num(patrol.totals.hit_items), confirmed: num(patrol.totals.confirmed), dismissed: num(patrol.totals.dismissed),
        precision: rate(num(patrol.totals.confirmed), num(patrol.totals.confirmed) + num(patrol.totals.dismissed)),
        rules: patrol.rules.map((r) => ({ ruleId: r.rule_id, pattern: r.pattern, category: r.category, hits: num(r.hits), confirmed: num(r.confirmed),
          dismissed: num(r.dismissed), precision: rate(num(r.confirmed), num(r.confirmed) + num(r.dismissed)) })),
      },
      extra: await catalogue.extra({ scope, period, rollup: c }),
      freshAt: state?.refreshedAt?.toISOString() ?? null,
    };
  }

  return { dashboard, build };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
export type { ReportFigure };
