import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContactRevealSchema, ReportDetail, ReportFilter, ReportListSchema, ReportOptions, ReportReceiptSchema, StaffReportInputSchema,
} from '@tianlang/contracts';
import { api } from '../../lib/api';
import type { Infer } from '../../lib/infer';

/** The request body a schema accepts (defaults may be left out). */
export type InferIn<S extends { _input: unknown }> = S['_input'];

export type ReportList = Infer<typeof ReportListSchema>;
export type ReportReceipt = Infer<typeof ReportReceiptSchema>;
export type ContactReveal = Infer<typeof ContactRevealSchema>;
export type StaffReportInput = InferIn<typeof StaffReportInputSchema>;
export type ReportListQuery = ReportFilter & { limit: number; offset: number };

/**
 * Everything of the reports module lives under one key: an action on a report also changes the
 * queues, the transfers and orders it created, and the volunteer's own list.
 */
export const reportsKey = ['reports'] as const;
const detailKey = (id: string) => [...reportsKey, 'detail', id] as const;

export function useReportOptions() {
  return useQuery({
    queryKey: [...reportsKey, 'options'],
    queryFn: () => api.get<ReportOptions>('/api/reports/options'),
    staleTime: 5 * 60_000,
  });
}

export function useReportList(query: ReportListQuery) {
  return useQuery({
    queryKey: [...reportsKey, 'list', query],
    queryFn: () => api.get<ReportList>('/api/reports', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** The report with this tracking number (or account / platform name), to pick a merge target. */
export function useReportSearch(q: string) {
  return useQuery({
    queryKey: [...reportsKey, 'search', q],
    queryFn: () => api.get<ReportList>('/api/reports', { query: { queue: 'all', q, limit: 10 } }),
    enabled: q.length >= 10,
    staleTime: 30_000,
  });
}

export function useReport(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: () => api.get<ReportDetail>(`/api/reports/${id}`) });
}

/** The action routes of one report; each answers with the report as it now is. */
export type ReportActionPath =
  | 'claim' | 'release' | 'assign' | 'accept' | 'reject' | 'merge' | 'split' | 'forward'
  | 'assessment' | 'disposals' | 'complete' | 'reply' | 'close';

export function useReportAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: ReportActionPath; body?: unknown }) =>
      api.post<ReportDetail>(`/api/reports/${id}/${action}`, body),
    onSuccess: (detail) => {
      qc.setQueryData(detailKey(detail.id), detail);
      return qc.invalidateQueries({ queryKey: reportsKey });
    },
  });
}

/** Each reveal is written to the audit log on the server, so it is a POST and never cached. */
export function useRevealContact() {
  return useMutation({ mutationFn: (id: string) => api.post<ContactReveal>(`/api/reports/${id}/contact`) });
}

export function useCreateStaffReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StaffReportInput) => api.post<ReportReceipt>('/api/reports', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export const evidenceUrl = (reportId: string, evidenceId: string) => `/api/reports/${reportId}/evidence/${evidenceId}`;
