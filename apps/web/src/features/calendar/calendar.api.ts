import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarApi, type CallInput } from '@tianlang/contracts';
import { call } from '../../lib/api';

type DayInput = CallInput<typeof calendarApi.setDay>['body'];
type PreviewInput = CallInput<typeof calendarApi.preview>['body'];

const key = ['calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...key, year],
    queryFn: () => call(calendarApi.year, { query: { year } }),
  });
}

export function useSetDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, input }: { date: string; input: DayInput }) => call(calendarApi.setDay, { params: { date }, body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRemoveDay() {
  const qc = useQueryClient();
  return useMutation({
    // DELETE carries no body; the optional reason travels in the query string
    mutationFn: ({ date, reason }: { date: string; reason?: string }) =>
      call(calendarApi.removeDay, { params: { date }, query: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeadlinePreview() {
  return useMutation({
    mutationFn: (body: PreviewInput) => call(calendarApi.preview, { body }),
  });
}
