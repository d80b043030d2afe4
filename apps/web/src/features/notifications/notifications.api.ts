import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '@tianlang/contracts';
import { api, type Ok, type Page } from '../../lib/api';

export interface NotificationQuery {
  unread?: boolean;
  limit: number;
  offset: number;
}

const keys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: (q: NotificationQuery) => ['notifications', 'list', q] as const,
};

export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unreadCount,
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: 30_000,
  });
}

export function useNotifications(q: NotificationQuery, enabled = true) {
  return useQuery({
    queryKey: keys.list(q),
    queryFn: () =>
      api.get<Page<NotificationView>>('/api/notifications', {
        query: { unread: q.unread ? 'true' : undefined, limit: q.limit, offset: q.offset },
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Ok>(`/api/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Ok>('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
