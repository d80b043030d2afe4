import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TermCheckViewSchema, TermCorrectionViewSchema } from '@tianlang/contracts';
import { api, type Items } from '../../lib/api';
import type { Infer } from '../../lib/infer';

export type TermView = Infer<typeof TermCorrectionViewSchema>;
export type TermSuggestion = Infer<typeof TermCheckViewSchema>['suggestions'][number];

const key = ['patrol-terms'] as const;

export function useTerms() {
  return useQuery({ queryKey: key, queryFn: () => api.get<Items<TermView>>('/api/patrol/terms') });
}

export function useCreateTerm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { wrong: string; right: string; note?: string }) => api.post<TermView>('/api/patrol/terms', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useSetTermActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.patch<TermView>(`/api/patrol/terms/${id}`, { active }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** A check is a one-off question, not cached state: a mutation keeps the last answer with its text. */
export function useCheckTerms() {
  return useMutation({
    mutationFn: (text: string) => api.post<{ suggestions: TermSuggestion[] }>('/api/patrol/terms/check', { text }),
  });
}
