import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { DocumentsService } from '../documents/documents.service';
import { createDashboardService } from './dashboard.service';
import { createExportsService } from './exports.service';
import { createFigureCatalogue } from './figure-catalogue';
import { createRollupRepo } from './rollup.repo';
import { createStatsRepo } from './stats.repo';
import { createTransparencyService } from './transparency.service';
import { workReportV1 } from './work-report.docx';

/** Wires the statistics module: the rollup, the dashboard, exports (the work report's template among the documents) and the transparency page. */
export function createStatsModule(deps: {
  db: Db; clock: Clock; documents: Pick<DocumentsService, 'render' | 'templates'>; publicJurisdiction: () => Promise<{ id: string; path: string }>;
}) {
  const { db, clock, documents } = deps;
  documents.templates.register(workReportV1);
  const repo = createStatsRepo({ db });
  const rollup = createRollupRepo({ db, clock });
  const catalogue = createFigureCatalogue();
  const dashboard = createDashboardService({ db, clock, repo, rollup, catalogue });
  const exportsService = createExportsService({ db, clock, repo, dashboard, catalogue, documents });
  const transparency = createTransparencyService({ db, clock, repo, rollup, publicJurisdiction: deps.publicJurisdiction });
  return { repo, rollup, catalogue, dashboard, exports: exportsService, transparency };
}
export type StatsModule = ReturnType<typeof createStatsModule>;
/** for modules that contribute figures (registry.figures.ts) */
export type { FigureCatalogue, FigureContext, FigureDef } from './figure-catalogue';
