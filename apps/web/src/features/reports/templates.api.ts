import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReplyPreviewSchema, ReplyTemplateInputSchema, ReplyTemplateViewSchema, SettingLevel } from '@tianlang/contracts';
import { api, type Items, type Ok } from '../../lib/api';
import type { Infer } from '../../lib/infer';
import { reportsKey, type InferIn } from './reports.api';

export type ReplyTemplate = Infer<typeof ReplyTemplateViewSchema>;
export type ReplyTemplateInput = InferIn<typeof ReplyTemplateInputSchema>;
export type ReplyPreview = Infer<typeof ReplyPreviewSchema>;

/** Placeholders the server fills from the report itself; every other one is typed when replying. */
export const AUTO_PLACEHOLDERS = ['trackingNo', 'submittedDate', 'categoryName'] as const;
export const isAutoPlaceholder = (name: string) => (AUTO_PLACEHOLDERS as readonly string[]).includes(name);

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]{0,39})\s*\}\}/g;
/** The same reading of {{name}} as the server's, to hint while a template is being written. */
export const placeholdersOf = (body: string) => [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];

const key = [...reportsKey, 'templates'] as const;

export function useReplyTemplates() {
  return useQuery({ queryKey: key, queryFn: () => api.get<Items<ReplyTemplate> & { level: SettingLevel }>('/api/reply-templates') });
}

/** Removes a template of the user's own level (an inherited one of the same name applies again). */
export function useRemoveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Ok>(`/api/reply-templates/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ReplyTemplateInput }) =>
      id ? api.patch<ReplyTemplate>(`/api/reply-templates/${id}`, input) : api.post<ReplyTemplate>('/api/reply-templates', input),
    // the reply dialog reads templates from the options
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export function useReplyPreview() {
  return useMutation({
    mutationFn: ({ id, templateId, values }: { id: string; templateId: string; values: Record<string, string> }) =>
      api.post<ReplyPreview>(`/api/reports/${id}/reply/preview`, { templateId, values }),
  });
}
