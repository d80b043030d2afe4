import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EventView } from '@tianlang/contracts';
import { api, type Page } from '../../lib/api';

export interface EventQuery {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  limit: number;
  offset: number;
}

export function useEvents(query: EventQuery) {
  return useQuery({
    queryKey: ['events', query],
    queryFn: () => api.get<Page<EventView>>('/api/events', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
