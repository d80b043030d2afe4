import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi, type CallInput } from '@tianlang/contracts';
import { call } from '../../lib/api';

/** The list's query as the page holds it: `unread` as a flag, sent as 'true' only when set. */
type NotificationQuery = Omit<NonNullable<CallInput<typeof notificationsApi.list>['query']>, 'unread'> & { unread?: boolean };

const keys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: (q: NotificationQuery) => ['notifications', 'list', q] as const,
};

export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unreadCount,
    queryFn: () => call(notificationsApi.unreadCount, {}),
    refetchInterval: 30_000,
  });
}

export function useNotifications(q: NotificationQuery, enabled = true) {
  return useQuery({
    queryKey: keys.list(q),
    queryFn: () =>
      call(notificationsApi.list, {
        query: { unread: q.unread ? 'true' : undefined, limit: q.limit, offset: q.offset },
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(notificationsApi.markRead, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(notificationsApi.markAllRead, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
