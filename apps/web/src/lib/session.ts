import { useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type MeView, type Permission, type SessionView } from '@tianlang/contracts';
import { call, setCsrfToken } from './api';

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<SessionView> {
  const session = await call(authApi.me, {}, { allow401: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** Stores a session from login (or /me) so every later mutation carries its CSRF token. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: SessionView) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionKey, session);
  };
}

/** The signed-in user. Only for components rendered inside the console, which waits for the session. */
export function useMe(): MeView {
  const { data } = useSession();
  if (!data) throw new Error('useMe outside an authenticated console');
  return data.user;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}
