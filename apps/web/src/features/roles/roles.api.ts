import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission, RoleView } from '@tianlang/contracts';
import { isMessageKey, useT } from '../../i18n';
import { api, type Items } from '../../lib/api';

export interface RoleCreate {
  code: string;
  name: string;
  description?: string;
  permissions: Permission[];
}
export interface RoleUpdate {
  name?: string;
  description?: string | null;
  permissions?: Permission[];
  reason?: string;
}

const key = ['roles'] as const;

export function useRoles() {
  return useQuery({ queryKey: key, queryFn: () => api.get<Items<RoleView>>('/api/roles'), staleTime: 60_000 });
}

/** The permission verbs the server knows (may be newer than this build's contract). */
export function usePermissionList() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => api.get<Items<Permission>>('/api/permissions'),
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
    mutationFn: (input: RoleCreate) => api.post<RoleView>('/api/roles', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RoleUpdate }) => api.patch<RoleView>(`/api/roles/${id}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
