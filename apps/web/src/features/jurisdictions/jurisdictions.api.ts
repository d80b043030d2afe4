import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { jurisdictionsApi, type CallInput } from '@tianlang/contracts';
import { call } from '../../lib/api';

type JurisdictionCreate = CallInput<typeof jurisdictionsApi.create>['body'];
type JurisdictionUpdate = CallInput<typeof jurisdictionsApi.update>['body'];

const key = ['jurisdictions'] as const;

export function useJurisdictions() {
  return useQuery({
    queryKey: key,
    queryFn: () => call(jurisdictionsApi.list, {}),
    staleTime: 60_000,
  });
}

export function useCreateJurisdiction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: JurisdictionCreate) => call(jurisdictionsApi.create, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateJurisdiction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: JurisdictionUpdate }) =>
      call(jurisdictionsApi.update, { params: { id }, body: input }),
    // unit lists show jurisdiction names, so they are refreshed too
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['units'] })]),
  });
}
