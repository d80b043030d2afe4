import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDayKind, CalendarDayView, DeadlineUnit, SettingLevel } from '@tianlang/contracts';
import { api, type Ok } from '../../lib/api';

export interface CalendarYear {
  year: number;
  days: CalendarDayView[];
  workingDayCount: number;
  /** the viewer's level: days set here are this level's own adjustments */
  level: SettingLevel;
}
export interface DayInput {
  kind: CalendarDayKind;
  name: string;
  reason?: string;
}
export interface PreviewInput {
  start: string;
  amount: number;
  unit: DeadlineUnit;
}

const key = ['calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...key, year],
    queryFn: () => api.get<CalendarYear>('/api/calendar', { query: { year } }),
  });
}

export function useSetDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, input }: { date: string; input: DayInput }) => api.put<CalendarDayView>(`/api/calendar/days/${date}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRemoveDay() {
  const qc = useQueryClient();
  return useMutation({
    // DELETE carries no body; the optional reason travels in the query string
    mutationFn: ({ date, reason }: { date: string; reason?: string }) =>
      api.delete<Ok>(`/api/calendar/days/${date}`, { query: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeadlinePreview() {
  return useMutation({
    mutationFn: (input: PreviewInput) => api.post<{ dueAt: string; dueLocal: string }>('/api/calendar/preview', input),
  });
}
