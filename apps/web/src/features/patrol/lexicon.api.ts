import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LexiconRuleView, LexiconVersionViewSchema, RULE_KINDS } from '@tianlang/contracts';
import { api, type Items, type Page } from '../../lib/api';
import type { Infer } from '../../lib/infer';

export type RuleKind = (typeof RULE_KINDS)[number];
export type LexiconVersionView = Infer<typeof LexiconVersionViewSchema>;
export type RuleSort = 'pattern' | 'hits' | 'precision';

export interface RuleQuery {
  q?: string;
  category?: string;
  active?: 'true' | 'false';
  sort: RuleSort;
  limit: number;
  offset: number;
}
export interface RuleCreate {
  kind: RuleKind;
  pattern: string;
  category: string;
  severity: number;
  allowContexts: string[];
  pinyin: boolean;
  note?: string;
}
export interface RuleUpdate {
  category?: string;
  severity?: number;
  allowContexts?: string[];
  pinyin?: boolean;
  active?: boolean;
  note?: string | null;
  reason?: string;
}
export interface ImportSummary {
  added: number;
  changed: number;
  deactivated: number;
  note?: string;
}

/** Queue reviews move rule counts too; they invalidate this key. */
const key = ['lexicon'] as const;

export function useRules(query: RuleQuery) {
  return useQuery({
    queryKey: [...key, 'rules', query],
    queryFn: () => api.get<Page<LexiconRuleView>>('/api/patrol/rules', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useLexiconVersions() {
  return useQuery({
    queryKey: [...key, 'versions'],
    queryFn: () => api.get<Items<LexiconVersionView>>('/api/patrol/lexicon/versions'),
  });
}

function useLexiconMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useCreateRule = () => useLexiconMutation((input: RuleCreate) => api.post<LexiconRuleView>('/api/patrol/rules', input));
export const useUpdateRule = () =>
  useLexiconMutation(({ id, input }: { id: string; input: RuleUpdate }) => api.patch<LexiconRuleView>(`/api/patrol/rules/${id}`, input));
export const useImportLexicon = () =>
  useLexiconMutation((input: { content: string; note?: string }) => api.post<ImportSummary>('/api/patrol/rules/import', input));
