import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportsApi, type CallInput, type RouteResult } from '@tianlang/contracts';
import { call } from '../../lib/api';
import { reportsKey } from './reports.api';

export type BulkInput = CallInput<typeof reportsApi.bulk>['body'];
export type BulkPreview = RouteResult<typeof reportsApi.bulkPreview>;
export type BulkResult = RouteResult<typeof reportsApi.bulk>;
export type BatchView = RouteResult<typeof reportsApi.batch>;
export type SavedView = RouteResult<typeof reportsApi.saveView>;
export type SavedViewInput = CallInput<typeof reportsApi.saveView>['body'];

/** A dry run: what each selected report would go through, nothing is written. */
export function useBulkPreview() {
  return useMutation({ mutationFn: (input: BulkInput) => call(reportsApi.bulkPreview, { body: input }) });
}

export function useBulkRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => call(reportsApi.bulk, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export function useBatch(id: string | null) {
  return useQuery({
    queryKey: [...reportsKey, 'batch', id],
    queryFn: id === null ? skipToken : () => call(reportsApi.batch, { params: { id } }),
  });
}

const viewsKey = [...reportsKey, 'views'] as const;

export function useSavedViews() {
  return useQuery({ queryKey: viewsKey, queryFn: () => call(reportsApi.views, {}) });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => call(reportsApi.saveView, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(reportsApi.deleteView, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}
