import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { createDashboardService } from './dashboard.service';
import { createExportsService } from './exports.service';
import { createFigureCatalogue } from './figure-catalogue';
import { createRollupRepo } from './rollup.repo';
import { createStatsRepo } from './stats.repo';
import { createTransparencyService } from './transparency.service';

/** Wires the statistics module: the rollup, the dashboard, exports and the transparency page. */
export function createStatsModule(deps: { db: Db; clock: Clock; publicJurisdiction: () => Promise<{ id: string; path: string }> }) {
  const { db, clock } = deps;
  const repo = createStatsRepo({ db });
  const rollup = createRollupRepo({ db, clock });
  const catalogue = createFigureCatalogue();
  const dashboard = createDashboardService({ db, clock, repo, rollup, catalogue });
  const exportsService = createExportsService({ db, clock, repo, dashboard, catalogue });
  const transparency = createTransparencyService({ db, clock, repo, rollup, publicJurisdiction: deps.publicJurisdiction });
  return { repo, rollup, catalogue, dashboard, exports: exportsService, transparency };
}
export type StatsModule = ReturnType<typeof createStatsModule>;
/** for modules that contribute figures (registry.figures.ts) */
export type { FigureCatalogue, FigureContext, FigureDef } from './figure-catalogue';
