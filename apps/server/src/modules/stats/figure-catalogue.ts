import { WORK_REPORT_FIGURES } from '@tianlang/contracts';
import type { Period } from '@tianlang/core';
import type { RollupIndex } from './rollup-index';
import type { Scope } from './period';

export interface FigureContext {
  scope: Scope;
  period: Period;
  /** the period's rollup sums for the scope */
  rollup: RollupIndex;
  patrol: { scanned: string | number };
}

/** A figure a module contributes: its code (a WORK_REPORT_FIGURES entry, or a dashboard extra) and how to compute it. */
export interface FigureDef {
  code: string;
  module: string;
  /** how the figure is counted, quoted beside it in the work report (report figures: labels.ts FIGURE_DEFINITION_ZH) */
  definitionZh?: string;
  compute(ctx: FigureContext): number | Promise<number>;
}

/**
 * The figures offices quote. Reports and patrol register theirs here; a later module (registry:
 * entities, key entities, inspections, pledges; enforcement: interviews; rumors: debunks) calls
 * `register` from its own wiring, and its figures appear in the dashboard's extras and, when they
 * are work-report figures, in the work report. Nothing here knows about those modules.
 */
export function createFigureCatalogue() {
  const defs = new Map<string, FigureDef>();
  const register = (def: FigureDef) => { defs.set(def.code, def); };

  register({ code: 'reports_accepted', module: 'reports', compute: ({ rollup }) => rollup.all('accepted') });
  register({ code: 'harmful_info_disposed', module: 'reports', compute: ({ rollup }) => rollup.all('disposal_order_platform') });
  register({ code: 'accounts_disposed', module: 'reports', compute: ({ rollup }) => rollup.all('disposal_account_action') });
  register({ code: 'leads_transferred', module: 'reports', compute: ({ rollup }) => rollup.total('transfer_unit', 'transfer_sent') });
  register({ code: 'patrol_items', module: 'patrol', compute: ({ patrol }) => Number(patrol.scanned) });

  const has = (code: string) => defs.has(code);
  const definitionOf = (code: string): string | undefined => defs.get(code)?.definitionZh;
  async function compute(code: string, ctx: FigureContext): Promise<number> {
    const def = defs.get(code);
    if (!def) throw new Error(`unknown figure ${code}`);
    return def.compute(ctx);
  }
  /** The work-report figures of the modules present, in the order offices quote them. */
  const workReportCodes = (): string[] => WORK_REPORT_FIGURES.filter((code) => defs.has(code));
  /** Figures of modules other than reports and patrol (whose own figures have sections of their own). */
  async function extra(ctx: FigureContext) {
    const out: { code: string; value: number }[] = [];
    for (const def of defs.values()) if (def.module !== 'reports' && def.module !== 'patrol') out.push({ code: def.code, value: await def.compute(ctx) });
    return out;
  }
  return { register, has, definitionOf, compute, workReportCodes, extra };
}
export type FigureCatalogue = ReturnType<typeof createFigureCatalogue>;
