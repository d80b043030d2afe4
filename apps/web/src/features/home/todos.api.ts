import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TodoListView, TodoSummary } from '@tianlang/contracts';
import { api } from '../../lib/api';

export type { TodoListView, TodoSummary };

/** What waits for the signed-in user, by kind (only the kinds their permissions allow). */
export function useTodos() {
  return useQuery({ queryKey: ['todos'], queryFn: () => api.get<TodoSummary>('/api/todos'), refetchInterval: 60_000 });
}

/** One kind's items, soonest due first. */
export function useTodoItems(code: string | null, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['todos', code, page],
    queryFn: () => api.get<TodoListView>(`/api/todos/${encodeURIComponent(code!)}`, { query: page }),
    enabled: !!code,
    placeholderData: keepPreviousData,
  });
}
