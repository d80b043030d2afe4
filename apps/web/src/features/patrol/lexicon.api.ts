import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { patrolApi, type CallInput, type RULE_KINDS } from '@tianlang/contracts';
import { call } from '../../lib/api';

export type RuleKind = (typeof RULE_KINDS)[number];
export type RuleQuery = NonNullable<CallInput<typeof patrolApi.rules>['query']>;
export type RuleSort = NonNullable<RuleQuery['sort']>;
type RuleCreate = CallInput<typeof patrolApi.createRule>['body'];
type RuleUpdate = CallInput<typeof patrolApi.updateRule>['body'];
type LexiconImport = CallInput<typeof patrolApi.importRules>['body'];

/** Queue reviews move rule counts too; they invalidate this key. */
const key = ['lexicon'] as const;

export function useRules(query: RuleQuery) {
  return useQuery({
    queryKey: [...key, 'rules', query],
    queryFn: () => call(patrolApi.rules, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useLexiconVersions() {
  return useQuery({
    queryKey: [...key, 'versions'],
    queryFn: () => call(patrolApi.lexiconVersions, {}),
  });
}

function useLexiconMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useCreateRule = () => useLexiconMutation((input: RuleCreate) => call(patrolApi.createRule, { body: input }));
export const useUpdateRule = () =>
  useLexiconMutation(({ id, input }: { id: string; input: RuleUpdate }) => call(patrolApi.updateRule, { params: { id }, body: input }));
export const useImportLexicon = () => useLexiconMutation((input: LexiconImport) => call(patrolApi.importRules, { body: input }));
