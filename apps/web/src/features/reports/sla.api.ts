import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportSlaInputSchema, ReportSlaViewSchema } from '@tianlang/contracts';
import { api } from '../../lib/api';
import type { Infer } from '../../lib/infer';
import { reportsKey, type InferIn } from './reports.api';

export type SlaView = Infer<typeof ReportSlaViewSchema>;
export type SlaRow = SlaView['categories'][number];
export type SlaInput = InferIn<typeof ReportSlaInputSchema>;

const key = [...reportsKey, 'sla'] as const;

export function useSla() {
  return useQuery({ queryKey: key, queryFn: () => api.get<SlaView>('/api/reports/sla') });
}

/** Sets (input) or removes (null) this level's deadlines for a category. */
export function useSaveSla() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input, reason }: { code: string; input: SlaInput | null; reason?: string }) =>
      input ? api.put<SlaView>(`/api/reports/sla/${code}`, input) : api.delete<SlaView>(`/api/reports/sla/${code}`, { query: { reason } }),
    onSuccess: (view) => qc.setQueryData(key, view),
  });
}
