import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PATROL_ITEM_STATUSES, PatrolItemInput, PatrolItemView, PatrolPushResultSchema, PatrolQueueGroupSchema } from '@tianlang/contracts';
import { reportsApi } from '@tianlang/contracts';
import { api, call, type Page } from '../../lib/api';
import type { Infer } from '../../lib/infer';

export type PatrolItemStatus = (typeof PATROL_ITEM_STATUSES)[number];
export type QueueGroup = Infer<typeof PatrolQueueGroupSchema>;
export type PushResult = Infer<typeof PatrolPushResultSchema>;
export type GroupBy = 'rule' | 'source';

export interface ItemQuery {
  status?: PatrolItemStatus;
  ruleId?: string;
  sourceId?: string;
  limit: number;
  offset: number;
}
export interface ReviewInput {
  decision: 'confirm' | 'dismiss';
  reason: string;
  hitIds?: string[];
}

/** Everything patrol lives under one key, so a review or an import refreshes queue, lists and counts together. */
export const patrolKey = ['patrol'] as const;

export function useQueueGroups(groupBy: GroupBy) {
  return useQuery({
    queryKey: [...patrolKey, 'queue', groupBy],
    queryFn: () => api.get<{ groups: QueueGroup[] }>('/api/patrol/queue', { query: { groupBy } }),
    placeholderData: keepPreviousData,
  });
}

export function usePatrolItems(query: ItemQuery) {
  return useQuery({
    queryKey: [...patrolKey, 'items', query],
    queryFn: () => api.get<Page<PatrolItemView>>('/api/patrol/items', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useReviewItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ReviewInput }) => api.post<PatrolItemView>(`/api/patrol/items/${id}/review`, input),
    // rule precision moves with every decision
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: patrolKey }), qc.invalidateQueries({ queryKey: ['lexicon'] })]),
  });
}

function useIngest<V>(fn: (vars: V) => Promise<PushResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: patrolKey }), qc.invalidateQueries({ queryKey: ['lexicon'] })]),
  });
}

export const useEnterItems = () =>
  useIngest(({ sourceId, items }: { sourceId: string; items: PatrolItemInput[] }) => api.post<PushResult>('/api/patrol/items', { sourceId, items }));

export const useImportFile = () =>
  useIngest(({ sourceId, file, contentType }: { sourceId: string; file: Blob; contentType: string }) =>
    api.upload<PushResult>(`/api/patrol/sources/${sourceId}/import`, file, contentType),
  );

/** 巡查发现 → 处置: the confirmed item's report (made on the first call, the same one afterwards). */
export function useHandleAsReport() {
  return useMutation({
    mutationFn: (id: string) => call(reportsApi.fromPatrolItem, { params: { id } }),
  });
}
