import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BatchViewSchema, BulkInputSchema, BulkPreviewSchema, BulkResultSchema, SavedViewInputSchema, SavedViewSchema } from '@tianlang/contracts';
import { api, type Items } from '../../lib/api';
import type { Infer } from '../../lib/infer';
import { reportsKey, type InferIn } from './reports.api';

export type BulkInput = InferIn<typeof BulkInputSchema>;
export type BulkPreview = Infer<typeof BulkPreviewSchema>;
export type BulkResult = Infer<typeof BulkResultSchema>;
export type BatchView = Infer<typeof BatchViewSchema>;
export type SavedView = Infer<typeof SavedViewSchema>;
export type SavedViewInput = InferIn<typeof SavedViewInputSchema>;

/** A dry run: what each selected report would go through, nothing is written. */
export function useBulkPreview() {
  return useMutation({ mutationFn: (input: BulkInput) => api.post<BulkPreview>('/api/reports/bulk/preview', input) });
}

export function useBulkRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => api.post<BulkResult>('/api/reports/bulk', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export function useBatch(id: string | null) {
  return useQuery({
    queryKey: [...reportsKey, 'batch', id],
    queryFn: () => api.get<BatchView>(`/api/reports/batches/${id}`),
    enabled: id !== null,
  });
}

const viewsKey = [...reportsKey, 'views'] as const;

export function useSavedViews() {
  return useQuery({ queryKey: viewsKey, queryFn: () => api.get<Items<SavedView>>('/api/reports/views') });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => api.post<SavedView>('/api/reports/views', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/reports/views/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}
