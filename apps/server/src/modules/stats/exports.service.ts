import { eq } from 'drizzle-orm';
import type { StatsItemsQuery, StatsQuery } from '@tianlang/contracts';
import { officeDate, periodRange, previousPeriod, samePeriodLastYear, type Period } from '@tianlang/core';
import type { Db } from '../../db/client';
import { statsSavedQueries } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import type { DocumentsService } from '../documents/documents.service';
import { officeUnitOf } from '../units/units.service';
import { dashboardXlsx } from './dashboard.xlsx';
import type { DashboardService } from './dashboard.service';
import { dsaStatements } from './dsa';
import { FIGURE_COLUMN } from './facts.sql';
import type { FigureCatalogue } from './figure-catalogue';
import type { FiguresService } from './figures.service';
import { periodZh } from './labels';
import { resolvePeriod, resolveScope, type Scope } from './period';
import type { StatsRepo } from './stats.repo';
import { workReportV1, type WorkReportFigure } from './work-report.docx';
import { isoFromSql } from '../../lib/iso';

/** Report figures quoted in the work report besides the catalogue's. */
const REPORT_FIGURES_QUOTED = ['received', 'disposed', 'closed'] as const;

export function createExportsService({ db, clock, repo, dashboard, catalogue, figures: catalogueFigures, documents }: {
  db: Db; clock: Clock; repo: StatsRepo; dashboard: DashboardService; catalogue: FigureCatalogue; figures: FiguresService; documents: Pick<DocumentsService, 'render'>;
}) {
  /** The reports behind a figure, newest first. */
  async function items(user: AuthUser, q: StatsItemsQuery) {
    const period = resolvePeriod(q, clock.now());
    const scope = await resolveScope(db, user, q.jurisdictionId);
    const { start, end } = periodRange(period);
    const { rows, total } = await repo.items({ column: FIGURE_COLUMN[q.figure], path: scope.path, start, end, dim: q.dim, key: q.key, limit: q.limit, offset: q.offset });
        const uuidKey = q.key && /^[0-9a-f-]{36}$/i.test(q.key) ? q.key : null;
    const keyLabel = !uuidKey ? null
      : q.dim === 'reporter' ? (await repo.userNames([uuidKey])).get(uuidKey) ?? null
        : q.dim === 'transfer_unit' || q.dim === 'order_platform' ? (await repo.unitNames([uuidKey])).get(uuidKey) ?? null : null;
    return { items: rows.map((r) => ({ ...r, at: isoFromSql(r.at), submittedAt: isoFromSql(r.submittedAt) })) as never[], total, period, jurisdictionName: scope.name, keyLabel };
  }

  async function xlsx(user: AuthUser, q: StatsQuery & { table?: string }) {
    const d = await dashboard.dashboard(user, q);
    return { buffer: await dashboardXlsx(d, q.table, catalogue.labelOf), filename: `统计-${d.jurisdiction.name}-${d.period.from}_${d.period.to}${q.table ? `-${q.table}` : ''}.xlsx` };
  }

  /** One figure for a scope and period, from the catalogue; saved queries name it 'report.accepted' or 'work.patrol_items'. */
  const figureValue = (scope: Scope, period: Period, figure: string): Promise<number> => catalogueFigures.value(scope, period, figure.split('.')[1]!);

  /**
   * 工作情况汇报 as docx, rendered and stored through the documents module (the document row and its
   * document.rendered event carry the file's hash); every figure is saved as a query that can be re-run.
   */
  async function workReport(user: AuthUser, q: StatsQuery & { title?: string }) {
    const period = resolvePeriod(q, clock.now());
    const scope = await resolveScope(db, user, q.jurisdictionId);
    const d = await dashboard.build(user, scope, period);
    const codes = [...catalogue.workReportCodes().map((code) => `work.${code}`),
      ...REPORT_FIGURES_QUOTED.map((f) => `report.${f}`)];
    const figures: WorkReportFigure[] = [];
    for (const figure of codes) {
      const [value, previous, lastYear] = await Promise.all([period, previousPeriod(period), samePeriodLastYear(period)].map((p) => figureValue(scope, p, figure)));
      const [saved] = await db.insert(statsSavedQueries).values({
        figure, params: { period: period.kind, from: period.from, to: period.to, jurisdictionId: scope.id }, value: value!, createdBy: user.id, createdAt: clock.now(),
      }).returning({ id: statsSavedQueries.id });
      const code = figure.split('.')[1]!;
      figures.push({ code, label: catalogue.labelOf(code), value: value!, previous: previous!, lastYear: lastYear!, queryId: saved!.id, definition: catalogue.definitionOf(code) ?? '' });
    }
    // the office unit's own name (示范市委网信办); a jurisdiction without one reads "<jurisdiction>网信办"
    const office = (await officeUnitOf(db, scope.id))?.name ?? `${scope.name}网信办`;
    const title = q.title ?? `${office}${periodZh(period)}网络举报受理处置工作情况汇报`;
    const { document, bytes } = await db.transaction((tx) => documents.render(tx, {
      template: workReportV1.code, version: workReportV1.version, data: { title, office, d, figures, generatedOn: officeDate(clock.now()) },
      subject: { type: 'jurisdiction', id: scope.id }, jurisdiction: scope, actor: user,
    }));
    return { buffer: bytes, filename: document.filename, document: { id: document.id, sha256: document.sha256 } };
  }

  /** Re-runs a saved query: the value quoted then and the value now. */
  async function savedQuery(user: AuthUser, id: string) {
    const [row] = await db.select().from(statsSavedQueries).where(eq(statsSavedQueries.id, id));
    if (!row) throw new AppError('resource.not_found', 'saved query not found');
    const p = row.params as { period: Period['kind']; from: string; to: string; jurisdictionId: string };
    const scope = await resolveScope(db, user, p.jurisdictionId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === 'jurisdiction.out_of_scope' ? new AppError('resource.not_found', 'saved query not found') : err;
    });
    const currentValue = await figureValue(scope, { kind: p.period, from: p.from, to: p.to }, row.figure);
    return { id: row.id, figure: row.figure, params: row.params, savedValue: row.value, currentValue, createdAt: row.createdAt.toISOString() };
  }

  async function dsa(user: AuthUser, q: { from: string; to: string; jurisdictionId?: string }) {
    const period = resolvePeriod({ period: 'custom', from: q.from, to: q.to }, clock.now());
    const scope = await resolveScope(db, user, q.jurisdictionId);
    const { start, end } = periodRange(period);
    const statements = await dsaStatements(db, scope.path, start, end);
    return { generatedAt: clock.now().toISOString(), count: statements.length, statements };
  }

  return { items, xlsx, workReport, savedQuery, dsa, figureValue };
}
export type ExportsService = ReturnType<typeof createExportsService>;
