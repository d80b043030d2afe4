import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JurisdictionView } from '@tianlang/contracts';
import { api, type Items } from '../../lib/api';

export interface JurisdictionCreate {
  parentId: string;
  code: string;
  name: string;
  sort: number;
}
export interface JurisdictionUpdate {
  name?: string;
  code?: string;
  sort?: number;
  active?: boolean;
  reason?: string;
}

const key = ['jurisdictions'] as const;

export function useJurisdictions() {
  return useQuery({
    queryKey: key,
    queryFn: () => api.get<Items<JurisdictionView>>('/api/jurisdictions'),
    staleTime: 60_000,
  });
}

export function useCreateJurisdiction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: JurisdictionCreate) => api.post<JurisdictionView>('/api/jurisdictions', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateJurisdiction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: JurisdictionUpdate }) =>
      api.patch<JurisdictionView>(`/api/jurisdictions/${id}`, input),
    // unit lists show jurisdiction names, so they are refreshed too
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['units'] })]),
  });
}
