import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PATROL_SOURCE_KINDS, PatrolSourceView } from '@tianlang/contracts';
import { api, type Items } from '../../lib/api';
import { patrolKey } from './patrol.api';

export type SourceKind = (typeof PATROL_SOURCE_KINDS)[number];
export interface SourceCreate {
  kind: SourceKind;
  name: string;
  unitId: string;
  url?: string;
  intervalMinutes?: number;
}
export interface SourceUpdate {
  name?: string;
  url?: string;
  intervalMinutes?: number;
  active?: boolean;
}

const key = [...patrolKey, 'sources'] as const;

export function usePatrolSources() {
  return useQuery({ queryKey: key, queryFn: () => api.get<Items<PatrolSourceView>>('/api/patrol/sources') });
}

function useSourceMutation<V>(fn: (vars: V) => Promise<PatrolSourceView>) {
  const qc = useQueryClient();
  // a poll brings new items, and source names show in the queue
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: patrolKey }) });
}

export const useCreateSource = () => useSourceMutation((input: SourceCreate) => api.post<PatrolSourceView>('/api/patrol/sources', input));
export const useUpdateSource = () =>
  useSourceMutation(({ id, input }: { id: string; input: SourceUpdate }) => api.patch<PatrolSourceView>(`/api/patrol/sources/${id}`, input));
export const usePollSource = () => useSourceMutation((id: string) => api.post<PatrolSourceView>(`/api/patrol/sources/${id}/poll`));
