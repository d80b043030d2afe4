import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyCreatedViewSchema, ApiKeyScope, ApiKeyViewSchema } from '@tianlang/contracts';
import { api, type Items } from '../../lib/api';
import type { Infer } from '../../lib/infer';

export type ApiKeyView = Infer<typeof ApiKeyViewSchema>;
export type ApiKeyCreated = Infer<typeof ApiKeyCreatedViewSchema>;
export interface ApiKeyCreate {
  unitId: string;
  name: string;
  scopes: ApiKeyScope[];
}

const key = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: key, queryFn: () => api.get<Items<ApiKeyView>>('/api/api-keys') });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiKeyCreate) => api.post<ApiKeyCreated>('/api/api-keys', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApiKeyView>(`/api/api-keys/${id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
