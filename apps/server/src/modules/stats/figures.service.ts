import type { FigureItemsQuery } from '@tianlang/contracts';
import { periodRange, type Period } from '@tianlang/core';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AuthUser } from '../auth/auth.types';
import type { FigureCatalogue, FigureItemsContext } from './figure-catalogue';
import { index } from './rollup-index';
import { resolvePeriod, resolveScope, slicesOf, type Scope } from './period';
import type { ReportFactsList, StatsRepo } from './stats.repo';
import { isoFromSql } from '../../lib/iso';


/** The figure catalogue as the console reads it: what each figure means, its value, and the rows behind it. */
export function createFiguresService({ db, clock, repo, catalogue }: { db: Db; clock: Clock; repo: StatsRepo; catalogue: FigureCatalogue }) {
  const list = () => catalogue.all().map((d) => ({ code: d.code, module: d.module, label: d.labelZh, definition: d.definitionZh }));

  /** The context a figure is computed in: the scope, the period and the period's rollup sums. */
  async function contextOf(scope: Scope, period: Period) {
    return { scope, period, rollup: index(await repo.sums(scope.id, slicesOf(period))) };
  }

  /** One figure's value for a scope and period. */
  const value = async (scope: Scope, period: Period, code: string) => catalogue.compute(code, await contextOf(scope, period));

  /** The reports behind a report figure, as list rows: tracking number, category and jurisdiction, the time counted. */
  const reportFactsOf = (scope: Scope, period: Period): ReportFactsList => async (q, page) => {
    const { start, end } = periodRange(period);
    const { rows, total } = await repo.items({ ...q, path: scope.path, start, end, ...page });
    return {
      total,
      items: rows.map((r) => ({ id: String(r.id), title: String(r.trackingNo), subtitle: `${String(r.categoryName)} · ${String(r.jurisdictionName)}`, at: isoFromSql(r.at), link: `/console/reports/${String(r.id)}` })),
    };
  };

  /** The drill-down of a figure: its rows for the scope and period, a page at a time, with the value they make. */
  async function items(user: AuthUser, code: string, q: FigureItemsQuery) {
    const def = catalogue.get(code);
    const period = resolvePeriod(q, clock.now());
    const scope = await resolveScope(db, user, q.jurisdictionId);
    const ctx: FigureItemsContext = { ...await contextOf(scope, period), reportFacts: reportFactsOf(scope, period) };
    const page = await def.items(ctx, { limit: q.limit, offset: q.offset });
    return { code: def.code, label: def.labelZh, definition: def.definitionZh, period, jurisdictionName: scope.name, ...page };
  }

  return { list, value, items };
}
export type FiguresService = ReturnType<typeof createFiguresService>;
