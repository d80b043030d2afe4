import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditApi, type CallInput } from '@tianlang/contracts';
import { call } from '../../lib/api';

type EventQuery = NonNullable<CallInput<typeof auditApi.events>['query']>;

export function useEvents(query: EventQuery) {
  return useQuery({
    queryKey: ['events', query],
    queryFn: () => call(auditApi.events, { query }),
    placeholderData: keepPreviousData,
  });
}
