import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '@tianlang/contracts';
import { api, type Ok, type Page } from '../../lib/api';

export interface UserQuery {
  unitId?: string;
  role?: string;
  q?: string;
  limit: number;
  offset: number;
}
export interface UserCreate {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  password: string;
}
export interface UserUpdate {
  displayName?: string;
  unitId?: string;
  roles?: string[];
  active?: boolean;
  reason?: string;
}

const key = ['users'] as const;

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...key, query],
    queryFn: () => api.get<Page<UserView>>('/api/users', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // unit user counts and role user counts change with users
    onSuccess: () =>
      Promise.all([key, ['units'], ['roles']].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

export const useCreateUser = () => useUserMutation((input: UserCreate) => api.post<UserView>('/api/users', input));
export const useUpdateUser = () =>
  useUserMutation(({ id, input }: { id: string; input: UserUpdate }) => api.patch<UserView>(`/api/users/${id}`, input));
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) => api.post<Ok>(`/api/users/${id}/reset-password`, { password }));
export const useUnlockUser = () => useUserMutation((id: string) => api.post<Ok>(`/api/users/${id}/unlock`));
