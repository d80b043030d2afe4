import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TrustedReportInputSchema, TrustedReportListSchema } from '@tianlang/contracts';
import { api } from '../../lib/api';
import type { Infer } from '../../lib/infer';
import { reportsKey, type InferIn, type ReportReceipt } from './reports.api';

export type TrustedReportInput = InferIn<typeof TrustedReportInputSchema>;
export type TrustedReportList = Infer<typeof TrustedReportListSchema>;
export type TrustedReport = TrustedReportList['items'][number];

const key = [...reportsKey, 'trusted'] as const;

export function useMyTrustedReports() {
  return useQuery({ queryKey: key, queryFn: () => api.get<TrustedReportList>('/api/reports/trusted/mine') });
}

export function useSubmitTrusted() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TrustedReportInput) => api.post<ReportReceipt>('/api/reports/trusted', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

type PublicFormOptions = { categories: { code: string; name: string; parentCode: string | null }[]; zones: { code: string; name: string }[] };

/** Volunteers have no access to the staff options; the public form's taxonomy is what they choose from. */
export function usePublicFormOptions() {
  return useQuery({
    queryKey: [...key, 'form'],
    queryFn: () => api.get<PublicFormOptions>('/api/public/report-form'),
    staleTime: 10 * 60_000,
  });
}
