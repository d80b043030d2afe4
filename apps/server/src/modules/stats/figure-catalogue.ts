import { sql, type SQL } from 'drizzle-orm';
import { WORK_REPORT_FIGURES } from '@tianlang/contracts';
import type { Period } from '@tianlang/core';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { RollupIndex } from './rollup-index';
import type { Scope } from './period';
import type { ReportFactsList } from './stats.repo';

/** What a figure is computed for: a jurisdiction subtree and a period of office days. */
export interface FigureContext {
  scope: Scope;
  period: Period;
  /** the period's rollup sums for the scope (report figures) */
  rollup: RollupIndex;
}

/** One row behind a figure, as the drill-down list shows it. `at` is an ISO moment, or YYYY-MM-DD for a date. */
export interface FigureItem { id: string; title: string; subtitle: string | null; at: string | null; link: string | null }
export interface FigurePage { limit: number; offset: number }
export interface FigureItems { items: FigureItem[]; total: number }

/** What the drill-down of a figure gets besides its context: the reports behind the rollup (stats owns the facts). */
export interface FigureItemsContext extends FigureContext { reportFacts: ReportFactsList }

/**
 * A figure a module contributes: its code (a WORK_REPORT_FIGURES entry, a report figure, or a
 * dashboard extra), its Chinese label and definition, its value, and the rows that make the value.
 * The drill-down's total equals the value for the same scope and period (figures.test.ts proves it
 * for every registered figure).
 */
export interface FigureDef {
  code: string;
  module: string;
  labelZh: string;
  /** how the figure is counted, in plain Chinese: the dashboard's tooltip and the work report's 口径 */
  definitionZh: string;
  compute(ctx: FigureContext): number | Promise<number>;
  items(ctx: FigureItemsContext, page: FigurePage): Promise<FigureItems>;
}

/**
 * A figure that is the number of rows of one query. `rows` selects, for the context, the columns
 * `id, title, subtitle, at, link` (at: timestamptz or date), scoped with `subtreeOf(…, ctx.scope.path)`;
 * the value is their count and the drill-down their page, so the two agree by construction.
 */
export interface RowsFigureDef extends Omit<FigureDef, 'compute' | 'items'> { rows(ctx: FigureContext): SQL }

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/**
 * The figures offices quote, each with its definition, its query and the list behind it. Modules
 * register theirs from their own wiring (`reports.figures.ts`, `patrol.figures.ts`,
 * `registry.figures.ts`); the dashboard, the work report and `GET /api/stats/figures` read only
 * this catalogue. Nothing here knows about those modules.
 */
export function createFigureCatalogue({ db }: { db: Db }) {
  const defs = new Map<string, FigureDef>();
  const register = (def: FigureDef) => { defs.set(def.code, def); };

  function registerRows(def: RowsFigureDef) {
    const { rows, ...rest } = def;
    register({
      ...rest,
      compute: async (ctx) => Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${rows(ctx)}) x`))[0]?.n ?? 0),
      items: async (ctx, page) => {
        const [list, [c]] = await Promise.all([
          db.execute(sql`select x.id::text as id, x.title, x.subtitle, x.at, x.link from (${rows(ctx)}) x
            order by x.at desc nulls last, x.id limit ${page.limit} offset ${page.offset}`),
          db.execute(sql`select count(*)::int as n from (${rows(ctx)}) x`).then((r) => rowsOf<{ n: number }>(r)),
        ]);
        const items = rowsOf<Record<string, unknown>>(list).map((r) => ({
          id: String(r.id), title: String(r.title ?? ''), subtitle: r.subtitle === null || r.subtitle === undefined ? null : String(r.subtitle),
          at: iso(r.at), link: r.link === null || r.link === undefined ? null : String(r.link),
        }));
        return { items, total: Number(c?.n ?? 0) };
      },
    });
  }

  const get = (code: string): FigureDef => {
    const def = defs.get(code);
    if (!def) throw new AppError('stats.unknown_figure', `unknown figure ${code}`, { details: { code } });
    return def;
  };
  const has = (code: string) => defs.has(code);
  const all = () => [...defs.values()];
  const definitionOf = (code: string): string | undefined => defs.get(code)?.definitionZh;
  const labelOf = (code: string): string => defs.get(code)?.labelZh ?? code;
  const compute = async (code: string, ctx: FigureContext): Promise<number> => get(code).compute(ctx);
  const items = (code: string, ctx: FigureItemsContext, page: FigurePage) => get(code).items(ctx, page);
  /** The work-report figures of the modules present, in the order offices quote them. */
  const workReportCodes = (): string[] => WORK_REPORT_FIGURES.filter((code) => defs.has(code));
  /** Figures of modules other than reports and patrol (whose own figures have sections of their own). */
  async function extra(ctx: FigureContext) {
    const out: { code: string; value: number }[] = [];
    for (const def of defs.values()) if (def.module !== 'reports' && def.module !== 'patrol') out.push({ code: def.code, value: await def.compute(ctx) });
    return out;
  }
  return { register, registerRows, get, has, all, definitionOf, labelOf, compute, items, workReportCodes, extra };
}
export type FigureCatalogue = ReturnType<typeof createFigureCatalogue>;
