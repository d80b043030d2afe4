import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitKind, UnitView } from '@tianlang/contracts';
import { api, type Page } from '../../lib/api';

export interface UnitQuery {
  kind?: UnitKind;
  jurisdictionId?: string;
  q?: string;
  limit: number;
  offset: number;
}
export interface UnitCreate {
  name: string;
  shortName?: string;
  kind: UnitKind;
  jurisdictionId: string;
  contactPhone?: string;
}
export interface UnitUpdate {
  name?: string;
  shortName?: string | null;
  jurisdictionId?: string;
  contactPhone?: string | null;
  active?: boolean;
  reason?: string;
}

const key = ['units'] as const;

export function useUnits(query: UnitQuery) {
  return useQuery({
    queryKey: [...key, query],
    queryFn: () => api.get<Page<UnitView>>('/api/units', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** Units to pick from in forms and filters (the API caps a page at 200). */
export function useUnitOptions() {
  return useUnits({ limit: 200, offset: 0 });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitCreate) => api.post<UnitView>('/api/units', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UnitUpdate }) => api.patch<UnitView>(`/api/units/${id}`, input),
    // user lists show unit names
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['users'] })]),
  });
}
