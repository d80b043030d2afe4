import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { patrolApi, reportsApi, type CallInput, type PATROL_ITEM_STATUSES, type PatrolItemInput, type RouteResult } from '@tianlang/contracts';
import { call, upload } from '../../lib/api';

export type PatrolItemStatus = (typeof PATROL_ITEM_STATUSES)[number];
export type QueueGroup = RouteResult<typeof patrolApi.queue>['groups'][number];
export type PushResult = RouteResult<typeof patrolApi.enter>;
export type GroupBy = NonNullable<NonNullable<CallInput<typeof patrolApi.queue>['query']>['groupBy']>;
type ItemQuery = NonNullable<CallInput<typeof patrolApi.items>['query']>;
type ReviewInput = CallInput<typeof patrolApi.review>['body'];

/** Everything patrol lives under one key, so a review or an import refreshes queue, lists and counts together. */
export const patrolKey = ['patrol'] as const;

export function useQueueGroups(groupBy: GroupBy) {
  return useQuery({
    queryKey: [...patrolKey, 'queue', groupBy],
    queryFn: () => call(patrolApi.queue, { query: { groupBy } }),
    placeholderData: keepPreviousData,
  });
}

export function usePatrolItems(query: ItemQuery) {
  return useQuery({
    queryKey: [...patrolKey, 'items', query],
    queryFn: () => call(patrolApi.items, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useReviewItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ReviewInput }) => call(patrolApi.review, { params: { id }, body: input }),
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
  useIngest(({ sourceId, items }: { sourceId: string; items: PatrolItemInput[] }) => call(patrolApi.enter, { body: { sourceId, items } }));

export const useImportFile = () =>
  useIngest(({ sourceId, file, contentType }: { sourceId: string; file: Blob; contentType: string }) =>
    upload(patrolApi.importFile, { params: { id: sourceId } }, file, contentType),
  );

/**
 * 巡查发现 → 处置: the confirmed item's report (made on the first call, the same one afterwards).
 * The route belongs to the reports module (reports.routes.ts); it moves onto its table with the reports set.
 */
export function useHandleAsReport() {
  return useMutation({
    mutationFn: (id: string) => call(reportsApi.fromPatrolItem, { params: { id } }),
  });
}
