import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportsApi, routePath, type CallInput, type RouteResult } from '@tianlang/contracts';
import { call, callPublic } from '../../lib/api';

/** The request body a schema accepts (defaults may be left out). */
export type InferIn<S extends { _input: unknown }> = S['_input'];

export type ReportList = RouteResult<typeof reportsApi.list>;
export type ReportReceipt = RouteResult<typeof reportsApi.createStaff>;
export type ContactReveal = RouteResult<typeof reportsApi.revealContact>;
export type StaffReportInput = CallInput<typeof reportsApi.createStaff>['body'];
export type ReportListQuery = NonNullable<CallInput<typeof reportsApi.list>['query']>;

/**
 * Everything of the reports module lives under one key: an action on a report also changes the
 * queues, the transfers and orders it created, and the volunteer's own list.
 */
export const reportsKey = ['reports'] as const;
const detailKey = (id: string) => [...reportsKey, 'detail', id] as const;

export function useReportOptions() {
  return useQuery({
    queryKey: [...reportsKey, 'options'],
    queryFn: () => call(reportsApi.options, {}),
    staleTime: 5 * 60_000,
  });
}

export function useReportList(query: ReportListQuery) {
  return useQuery({
    queryKey: [...reportsKey, 'list', query],
    queryFn: () => call(reportsApi.list, { query }),
    placeholderData: keepPreviousData,
  });
}

/** The report with this tracking number (or account / platform name), to pick a merge target. */
export function useReportSearch(q: string) {
  return useQuery({
    queryKey: [...reportsKey, 'search', q],
    queryFn: () => call(reportsApi.list, { query: { queue: 'all', q, limit: 10 } }),
    enabled: q.length >= 10,
    staleTime: 30_000,
  });
}

export function useReport(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: () => call(reportsApi.get, { params: { id } }) });
}

/** The action routes of one report; each answers with the report as it now is. */
const ACTION_ROUTES = {
  claim: reportsApi.claim, release: reportsApi.release, assign: reportsApi.assign, accept: reportsApi.accept, reject: reportsApi.reject,
  merge: reportsApi.merge, split: reportsApi.split, forward: reportsApi.forward, assessment: reportsApi.assessment,
  disposals: reportsApi.disposals, complete: reportsApi.complete, reply: reportsApi.reply, close: reportsApi.close,
} as const;
export type ReportActionPath = keyof typeof ACTION_ROUTES;
/** One action on one report, with the body its route takes. */
export type ReportActionInput = {
  [A in ReportActionPath]: { id: string; action: A } & Omit<CallInput<(typeof ACTION_ROUTES)[A]>, 'params'>;
}[ReportActionPath];

export function useReportAction() {
  const qc = useQueryClient();
  return useMutation({
    // ReportActionInput pairs each action with its route's body; TypeScript cannot follow the pairing through ACTION_ROUTES[action]
    mutationFn: ({ id, action, body }: ReportActionInput) =>
      callPublic<typeof reportsApi.assign>(ACTION_ROUTES[action], { params: { id }, body: body as CallInput<typeof reportsApi.assign>['body'] }),
    onSuccess: (detail) => {
      qc.setQueryData(detailKey(detail.id), detail);
      return qc.invalidateQueries({ queryKey: reportsKey });
    },
  });
}

/** Each reveal is written to the audit log on the server, so it is a POST and never cached. */
export function useRevealContact() {
  return useMutation({ mutationFn: (id: string) => call(reportsApi.revealContact, { params: { id } }) });
}

export function useCreateStaffReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StaffReportInput) => call(reportsApi.createStaff, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

export const evidenceUrl = (reportId: string, evidenceId: string) => routePath(reportsApi.evidence.path, { id: reportId, evidenceId });
