import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { publicReportsApi, reportsApi, type CallInput, type RouteResult } from '@tianlang/contracts';
import { call } from '../../lib/api';
import { reportsKey } from './reports.api';

export type TrustedReportInput = CallInput<typeof reportsApi.createTrusted>['body'];
export type TrustedReportList = RouteResult<typeof reportsApi.trustedMine>;
export type TrustedReport = TrustedReportList['items'][number];

const key = [...reportsKey, 'trusted'] as const;

export function useMyTrustedReports() {
  return useQuery({ queryKey: key, queryFn: () => call(reportsApi.trustedMine, {}) });
}

export function useSubmitTrusted() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TrustedReportInput) => call(reportsApi.createTrusted, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** Volunteers have no access to the staff options; the public form's taxonomy is what they choose from. */
export function usePublicFormOptions() {
  return useQuery({
    queryKey: [...key, 'form'],
    queryFn: () => call(publicReportsApi.formOptions, {}),
    staleTime: 10 * 60_000,
  });
}
