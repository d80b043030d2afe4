import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usersApi, type CallInput } from '@tianlang/contracts';
import { call } from '../../lib/api';

type UserQuery = NonNullable<CallInput<typeof usersApi.list>['query']>;
type UserCreate = CallInput<typeof usersApi.create>['body'];
type UserUpdate = CallInput<typeof usersApi.update>['body'];

const key = ['users'] as const;

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...key, query],
    queryFn: () => call(usersApi.list, { query }),
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

export const useCreateUser = () => useUserMutation((body: UserCreate) => call(usersApi.create, { body }));
export const useUpdateUser = () =>
  useUserMutation(({ id, input }: { id: string; input: UserUpdate }) => call(usersApi.update, { params: { id }, body: input }));
export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: string; password: string }) => call(usersApi.resetPassword, { params: { id }, body: { password } }));
export const useUnlockUser = () => useUserMutation((id: string) => call(usersApi.unlock, { params: { id } }));
