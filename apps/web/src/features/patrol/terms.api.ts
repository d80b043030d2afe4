import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { patrolApi, type CallInput, type RouteResult } from '@tianlang/contracts';
import { call } from '../../lib/api';

export type TermView = RouteResult<typeof patrolApi.terms>['items'][number];
export type TermSuggestion = RouteResult<typeof patrolApi.checkTerms>['suggestions'][number];

const key = ['patrol-terms'] as const;

export function useTerms() {
  return useQuery({ queryKey: key, queryFn: () => call(patrolApi.terms, {}) });
}

export function useCreateTerm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<typeof patrolApi.createTerm>['body']) => call(patrolApi.createTerm, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useSetTermActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => call(patrolApi.setTermActive, { params: { id }, body: { active } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** A check is a one-off question, not cached state: a mutation keeps the last answer with its text. */
export function useCheckTerms() {
  return useMutation({
    mutationFn: (text: string) => call(patrolApi.checkTerms, { body: { text } }),
  });
}
