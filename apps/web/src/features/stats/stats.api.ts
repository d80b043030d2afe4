import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  statsApi, type CallInput, type DashboardView, type ReportFigure, type RouteResult, type StatsDim, type StatsQuery, type TransparencyMonthView,
} from '@tianlang/contracts';
import { call, downloadFile } from '../../lib/api';

export type { DashboardView, ReportFigure, StatsDim, TransparencyMonthView };
export type StatsItemList = RouteResult<typeof statsApi.items>;
export type TransparencyPreview = RouteResult<typeof statsApi.transparencyPreview>;
export type FigureCatalogueView = RouteResult<typeof statsApi.figures>;
export type FigureItemList = RouteResult<typeof statsApi.figureItems>;
/** What the dashboard shows: a period and a jurisdiction (the user's own when absent). */
export type StatsScope = StatsQuery;
export type PeriodKind = StatsScope['period'];
type ItemsQuery = NonNullable<CallInput<typeof statsApi.items>['query']>;
export type ExportTable = NonNullable<NonNullable<CallInput<typeof statsApi.exportXlsx>['query']>['table']>;

const statsKey = ['stats'] as const;
const q = (s: StatsScope) => ({ period: s.period, from: s.from, to: s.to, jurisdictionId: s.jurisdictionId });

export function useDashboard(scope: StatsScope) {
  return useQuery({
    queryKey: [...statsKey, 'dashboard', scope],
    queryFn: () => call(statsApi.dashboard, { query: q(scope) }),
    placeholderData: keepPreviousData,
  });
}

export function useStatsItems(query: ItemsQuery) {
  return useQuery({
    queryKey: [...statsKey, 'items', query],
    queryFn: () => call(statsApi.items, { query }),
    placeholderData: keepPreviousData,
  });
}

/** Every figure's label and definition (the tooltips); the catalogue changes only with a release. */
export function useFigureCatalogue() {
  return useQuery({
    queryKey: [...statsKey, 'figures'],
    queryFn: () => call(statsApi.figures, {}),
    staleTime: Infinity,
    select: (d) => new Map(d.items.map((f) => [f.code, f])),
  });
}

/** The rows behind one figure of the catalogue, a page at a time. */
export function useFigureItems(code: string | null, scope: StatsScope, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...statsKey, 'figure-items', code, scope, page],
    queryFn: () => call(statsApi.figureItems, { params: { code: code! }, query: { ...q(scope), ...page } }),
    enabled: !!code,
    placeholderData: keepPreviousData,
  });
}

export const exportXlsx = (scope: StatsScope, table?: ExportTable) => downloadFile(statsApi.exportXlsx, { query: { ...q(scope), table } });
export const exportWorkReport = (scope: StatsScope) => downloadFile(statsApi.workReport, { body: q(scope) });

export function useTransparencyPreview(month: string) {
  return useQuery({
    queryKey: [...statsKey, 'transparency', month],
    queryFn: () => call(statsApi.transparencyPreview, { params: { month } }),
  });
}

export function useApproveTransparency(month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (correction?: string) => call(statsApi.approveTransparency, { params: { month }, body: correction ? { correction } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...statsKey, 'transparency'] }),
  });
}
