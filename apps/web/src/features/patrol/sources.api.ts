import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { patrolApi, type CallInput, type PATROL_SOURCE_KINDS, type PatrolSourceView } from '@tianlang/contracts';
import { call } from '../../lib/api';
import { patrolKey } from './patrol.api';

export type SourceKind = (typeof PATROL_SOURCE_KINDS)[number];
type SourceCreate = CallInput<typeof patrolApi.createSource>['body'];
type SourceUpdate = CallInput<typeof patrolApi.updateSource>['body'];

const key = [...patrolKey, 'sources'] as const;

export function usePatrolSources() {
  return useQuery({ queryKey: key, queryFn: () => call(patrolApi.sources, {}) });
}

function useSourceMutation<V>(fn: (vars: V) => Promise<PatrolSourceView>) {
  const qc = useQueryClient();
  // a poll brings new items, and source names show in the queue
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: patrolKey }) });
}

export const useCreateSource = () => useSourceMutation((input: SourceCreate) => call(patrolApi.createSource, { body: input }));
export const useUpdateSource = () =>
  useSourceMutation(({ id, input }: { id: string; input: SourceUpdate }) => call(patrolApi.updateSource, { params: { id }, body: input }));
export const usePollSource = () => useSourceMutation((id: string) => call(patrolApi.pollSource, { params: { id } }));
