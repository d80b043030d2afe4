import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportSlaApi, type CallInput, type RouteResult } from '@tianlang/contracts';
import { call } from '../../lib/api';
import { reportsKey } from './reports.api';

export type SlaView = RouteResult<typeof reportSlaApi.view>;
export type SlaRow = SlaView['categories'][number];
export type SlaInput = CallInput<typeof reportSlaApi.set>['body'];

const key = [...reportsKey, 'sla'] as const;

export function useSla() {
  return useQuery({ queryKey: key, queryFn: () => call(reportSlaApi.view, {}) });
}

/** Sets (input) or removes (null) this level's deadlines for a category. */
export function useSaveSla() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input, reason }: { code: string; input: SlaInput | null; reason?: string }) =>
      input ? call(reportSlaApi.set, { params: { code }, body: input }) : call(reportSlaApi.remove, { params: { code }, query: { reason } }),
    onSuccess: (view) => qc.setQueryData(key, view),
  });
}
