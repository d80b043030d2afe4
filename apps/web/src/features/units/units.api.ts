import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unitsApi, type CallInput } from '@tianlang/contracts';
import { call } from '../../lib/api';

export type UnitQuery = NonNullable<CallInput<typeof unitsApi.list>['query']>;
export type UnitCreate = CallInput<typeof unitsApi.create>['body'];
export type UnitUpdate = CallInput<typeof unitsApi.update>['body'];

const key = ['units'] as const;

export function useUnits(query: UnitQuery) {
  return useQuery({
    queryKey: [...key, query],
    queryFn: () => call(unitsApi.list, { query }),
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
    mutationFn: (body: UnitCreate) => call(unitsApi.create, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UnitUpdate }) => call(unitsApi.update, { params: { id }, body: input }),
    // user lists show unit names
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['users'] })]),
  });
}
