import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { todosApi, type TodoListView, type TodoSummary } from '@tianlang/contracts';
import { call } from '../../lib/api';

export type { TodoListView, TodoSummary };

/** What waits for the signed-in user, by kind (only the kinds their permissions allow). */
export function useTodos() {
  return useQuery({ queryKey: ['todos'], queryFn: () => call(todosApi.summary, {}), refetchInterval: 60_000 });
}

/** One kind's items, soonest due first. */
export function useTodoItems(code: string | null, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['todos', code, page],
    queryFn: () => call(todosApi.list, { params: { code: code! }, query: page }),
    enabled: !!code,
    placeholderData: keepPreviousData,
  });
}
