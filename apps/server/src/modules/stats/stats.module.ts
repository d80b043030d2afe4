import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { DocumentsService } from '../documents/documents.service';
import { createDashboardService, type DashboardSources } from './dashboard.service';
import { createExportsService } from './exports.service';
import { createFigureCatalogue } from './figure-catalogue';
import { createFiguresService } from './figures.service';
import { createRollupRepo } from './rollup.repo';
import { createStatsRepo } from './stats.repo';
import { createTransparencyService } from './transparency.service';
import { workReportV1 } from './work-report.docx';

/**
 * Wires the statistics module: the rollup, the figure catalogue, the dashboard, exports (the work report's
 * template among the documents) and the transparency page. What it shows of other modules comes in through
 * `sources` and the figures they register.
 */
export function createStatsModule(deps: {
  db: Db; clock: Clock; documents: Pick<DocumentsService, 'render' | 'templates'>; publicJurisdiction: () => Promise<{ id: string; path: string }>; sources: DashboardSources;
}) {
  const { db, clock, sources, documents } = deps;
  documents.templates.register(workReportV1);
  const repo = createStatsRepo({ db });
  const rollup = createRollupRepo({ db, clock });
  const catalogue = createFigureCatalogue({ db });
  const dashboard = createDashboardService({ db, clock, repo, rollup, catalogue, sources });
  const figures = createFiguresService({ db, clock, repo, catalogue });
  const exportsService = createExportsService({ db, clock, repo, dashboard, catalogue, figures, documents });
  const transparency = createTransparencyService({ db, clock, repo, rollup, publicJurisdiction: deps.publicJurisdiction, categoryNames: sources.categoryNames });
  return { repo, rollup, catalogue, dashboard, figures, exports: exportsService, transparency };
}
export type StatsModule = ReturnType<typeof createStatsModule>;
/** for modules that contribute figures (registry.figures.ts, reports.figures.ts, patrol.figures.ts) */
export type { FigureCatalogue, FigureContext, FigureDef, FigureItem, RowsFigureDef } from './figure-catalogue';
