import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { rolesApi, type CallInput } from '@tianlang/contracts';
import { isMessageKey, useT } from '../../i18n';
import { call } from '../../lib/api';

type RoleCreate = CallInput<typeof rolesApi.create>['body'];
type RoleUpdate = CallInput<typeof rolesApi.update>['body'];

const key = ['roles'] as const;

export function useRoles() {
  return useQuery({ queryKey: key, queryFn: () => call(rolesApi.list, {}), staleTime: 60_000 });
}

/** The permission verbs the server knows (may be newer than this build's contract). */
export function usePermissionList() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => call(rolesApi.permissions, {}),
    staleTime: Infinity,
  });
}

/** Role code → display name: the server's name, else the built-in label, else the code. */
export function useRoleName(): (code: string) => string {
  const t = useT();
  const { data } = useRoles();
  return (code) => {
    const role = data?.items.find((r) => r.code === code);
    if (role) return role.name;
    const k = `roleName.${code}`;
    return isMessageKey(k) ? t(k) : code;
  };
}

export function useCreateRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleCreate) => call(rolesApi.create, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RoleUpdate }) => call(rolesApi.update, { params: { id }, body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
