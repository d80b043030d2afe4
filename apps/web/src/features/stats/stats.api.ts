import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DashboardView, FigureCatalogueViewSchema, FigureItemListSchema, StatsItemListSchema, TransparencyMonthView, TransparencyPreviewSchema, ReportFigure, StatsDim,
} from '@tianlang/contracts';
import { api, download } from '../../lib/api';
import type { Infer } from '../../lib/infer';

export type { DashboardView, ReportFigure, StatsDim, TransparencyMonthView };
export type StatsItemList = Infer<typeof StatsItemListSchema>;
export type TransparencyPreview = Infer<typeof TransparencyPreviewSchema>;
export type FigureCatalogueView = Infer<typeof FigureCatalogueViewSchema>;
export type FigureItemList = Infer<typeof FigureItemListSchema>;
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

/** What the dashboard shows: a period and a jurisdiction (the user's own when absent). */
export interface StatsScope {
  period: PeriodKind;
  from?: string;
  to?: string;
  jurisdictionId?: string;
}

const statsKey = ['stats'] as const;
const q = (s: StatsScope) => ({ period: s.period, from: s.from, to: s.to, jurisdictionId: s.jurisdictionId });

export function useDashboard(scope: StatsScope) {
  return useQuery({
    queryKey: [...statsKey, 'dashboard', scope],
    queryFn: () => api.get<DashboardView>('/api/stats/dashboard', { query: q(scope) }),
    placeholderData: keepPreviousData,
  });
}

export function useStatsItems(query: StatsScope & { figure: ReportFigure; dim?: string; key?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...statsKey, 'items', query],
    queryFn: () => api.get<StatsItemList>('/api/stats/items', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** Every figure's label and definition (the tooltips); the catalogue changes only with a release. */
export function useFigureCatalogue() {
  return useQuery({
    queryKey: [...statsKey, 'figures'],
    queryFn: () => api.get<FigureCatalogueView>('/api/stats/figures'),
    staleTime: Infinity,
    select: (d) => new Map(d.items.map((f) => [f.code, f])),
  });
}

/** The rows behind one figure of the catalogue, a page at a time. */
export function useFigureItems(code: string | null, scope: StatsScope, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...statsKey, 'figure-items', code, scope, page],
    queryFn: () => api.get<FigureItemList>(`/api/stats/figures/${encodeURIComponent(code!)}/items`, { query: { ...q(scope), ...page } }),
    enabled: !!code,
    placeholderData: keepPreviousData,
  });
}

export const exportXlsx = (scope: StatsScope, table?: string) => download('GET', '/api/stats/export.xlsx', { query: { ...q(scope), table } });
export const exportWorkReport = (scope: StatsScope) => download('POST', '/api/stats/work-report', { body: Object.fromEntries(Object.entries(q(scope)).filter(([, v]) => v !== undefined)) });

export function useTransparencyPreview(month: string) {
  return useQuery({
    queryKey: [...statsKey, 'transparency', month],
    queryFn: () => api.get<TransparencyPreview>(`/api/stats/transparency/${month}`),
  });
}

export function useApproveTransparency(month: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (correction?: string) => api.post<TransparencyMonthView>(`/api/stats/transparency/${month}/approve`, correction ? { correction } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...statsKey, 'transparency'] }),
  });
}
