import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { replyTemplatesApi, reportsApi, type CallInput, type RouteResult } from '@tianlang/contracts';
import { call } from '../../lib/api';
import { reportsKey } from './reports.api';

export type ReplyTemplate = RouteResult<typeof replyTemplatesApi.create>;
export type ReplyTemplateInput = CallInput<typeof replyTemplatesApi.create>['body'];
export type ReplyPreview = RouteResult<typeof reportsApi.replyPreview>;

/** Placeholders the server fills from the report itself; every other one is typed when replying. */
export const AUTO_PLACEHOLDERS = ['trackingNo', 'submittedDate', 'categoryName'] as const;
export const isAutoPlaceholder = (name: string) => (AUTO_PLACEHOLDERS as readonly string[]).includes(name);

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]{0,39})\s*\}\}/g;
/** The same reading of {{name}} as the server's, to hint while a template is being written. */
export const placeholdersOf = (body: string) => [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];

const key = [...reportsKey, 'templates'] as const;

export function useReplyTemplates() {
  return useQuery({ queryKey: key, queryFn: () => call(replyTemplatesApi.list, {}) });
}

/** Removes a template of the user's own level (an inherited one of the same name applies again). */
export function useRemoveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(replyTemplatesApi.remove, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ReplyTemplateInput }) =>
      id ? call(replyTemplatesApi.update, { params: { id }, body: input }) : call(replyTemplatesApi.create, { body: input }),
    // the reply dialog reads templates from the options
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export function useReplyPreview() {
  return useMutation({
    mutationFn: ({ id, templateId, values }: { id: string; templateId: string; values: Record<string, string> }) =>
      call(reportsApi.replyPreview, { params: { id }, body: { templateId, values } }),
  });
}
