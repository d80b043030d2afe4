import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiKeysApi, type CallInput, type RouteResult } from '@tianlang/contracts';
import { call } from '../../lib/api';

export type ApiKeyView = RouteResult<typeof apiKeysApi.list>['items'][number];
export type ApiKeyCreated = RouteResult<typeof apiKeysApi.create>;
type ApiKeyCreate = CallInput<typeof apiKeysApi.create>['body'];

const key = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: key, queryFn: () => call(apiKeysApi.list, {}) });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) => call(apiKeysApi.create, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(apiKeysApi.revoke, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
