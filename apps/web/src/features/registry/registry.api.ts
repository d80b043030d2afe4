import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  registryApi, registryRecordsApi, routePath, type CallInput, type EntityFilter, type EntityPage, type EntityView, type ImportView, type RegistryColumn,
  type RegistryOptions, type RouteResult, XLSX_MIME,
} from '@tianlang/contracts';
import { call, upload } from '../../lib/api';

const records = registryRecordsApi;

export type EntityList = RouteResult<typeof registryApi.entities>;
export type EntityInput = CallInput<typeof registryApi.create>['body'];
type EntityUpdate = CallInput<typeof registryApi.update>['body'];
type DuplicateCheck = CallInput<typeof registryApi.duplicates>['body'];
export type Duplicate = RouteResult<typeof registryApi.duplicates>['items'][number];
export type ContactReveal = RouteResult<typeof registryApi.contact>;
export type PledgeInput = CallInput<typeof records.pledge>['body'];
export type InspectionInput = CallInput<typeof records.inspection>['body'];
export type InterviewInput = CallInput<typeof records.interview>['body'];
export type DrawInput = CallInput<typeof records.createDraw>['body'];
export type DrawView = RouteResult<typeof records.draw>;
export type DrawList = RouteResult<typeof records.draws>;
export type DrawTask = DrawView['tasks'][number];
type ListQuery = NonNullable<CallInput<typeof registryApi.entities>['query']>;
export type { EntityFilter, EntityPage, EntityView, ImportView };

/** Everything of the registry under one key: a record on an entity changes its page, the list and the draws. */
export const registryKey = ['registry'] as const;
const pageKey = (id: string) => [...registryKey, 'entity', id] as const;

/** Pickers: certified officers, responsible-officer candidates, tags in use (GET /api/registry/options). */
export type { RegistryOptions };

export function useRegistryOptions() {
  return useQuery({
    queryKey: [...registryKey, 'options'],
    queryFn: () => call(registryApi.options, {}),
    staleTime: 60_000,
  });
}

/** The register, filtered and paged; `signal` lets a picker drop a search the officer typed past. */
export const listEntities = (query: ListQuery, signal?: AbortSignal) => call(registryApi.entities, { query }, { signal });

export function useEntityList(query: ListQuery) {
  return useQuery({
    queryKey: [...registryKey, 'list', query],
    queryFn: () => listEntities(query),
    placeholderData: keepPreviousData,
  });
}

export function useEntityPage(id: string) {
  return useQuery({ queryKey: pageKey(id), queryFn: () => call(registryApi.page, { params: { id } }) });
}

export function useDuplicateCheck() {
  return useMutation({ mutationFn: (input: DuplicateCheck) => call(registryApi.duplicates, { body: input }) });
}

function useRegistryMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: registryKey }) });
}

export const useCreateEntity = () => useRegistryMutation((input: EntityInput) => call(registryApi.create, { body: input }));
export const useUpdateEntity = () =>
  useRegistryMutation(({ id, input }: { id: string; input: EntityUpdate }) => call(registryApi.update, { params: { id }, body: input }));

/** The audited actions of one entity (grade, move, status) and its records (pledges, inspections, interviews); each answers with the entity. */
const entityActions = {
  grade: (id: string, body: CallInput<typeof registryApi.grade>['body']) => call(registryApi.grade, { params: { id }, body }),
  move: (id: string, body: CallInput<typeof registryApi.move>['body']) => call(registryApi.move, { params: { id }, body }),
  status: (id: string, body: CallInput<typeof registryApi.status>['body']) => call(registryApi.status, { params: { id }, body }),
  pledges: (id: string, body: PledgeInput) => call(records.pledge, { params: { id }, body }),
  inspections: (id: string, body: InspectionInput) => call(records.inspection, { params: { id }, body }),
  interviews: (id: string, body: InterviewInput) => call(records.interview, { params: { id }, body }),
};
export type EntityAction = keyof typeof entityActions;
export type EntityActionBody<A extends EntityAction> = Parameters<(typeof entityActions)[A]>[1];
export const useEntityAction = <A extends EntityAction>(action: A) =>
  useRegistryMutation(({ id, body }: { id: string; body: EntityActionBody<A> }) =>
    (entityActions[action] as (id: string, body: EntityActionBody<A>) => Promise<EntityView>)(id, body));

export const useFollowUp = () =>
  useRegistryMutation(({ id, body }: { id: string; body: CallInput<typeof records.followUp>['body'] }) => call(records.followUp, { params: { id }, body }));
/** An interim follow-up (整改进展): the item stays open. */
export const useRectificationProgress = () =>
  useRegistryMutation(({ id, body }: { id: string; body: CallInput<typeof records.progress>['body'] }) => call(records.progress, { params: { id }, body }));

/** Each reveal is written to the audit log on the server, so it is a POST and never cached. */
export function useRevealContact() {
  return useMutation({ mutationFn: (id: string) => call(registryApi.contact, { params: { id } }) });
}

/** The server records the original name of an upload; headers carry only ASCII, so it is URI-encoded. */
const fileNameHeader = (file: File) => ({ headers: { 'x-filename': encodeURIComponent(file.name) } });

export function useUploadFile() {
  return useMutation({
    mutationFn: (file: File) => upload(records.uploadFile, {}, file, file.type || 'application/octet-stream', fileNameHeader(file)),
  });
}

/** A record's stored file, as a link the browser opens (the server sends it as an attachment). */
export const fileUrl = (entityId: string, fileId: string) => routePath(records.file.path, { id: entityId, fileId });

export function useDraws(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...registryKey, 'draws', page],
    queryFn: () => call(records.draws, { query: { limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useDraw(id: string | null) {
  return useQuery({ queryKey: [...registryKey, 'draw', id], queryFn: () => call(records.draw, { params: { id: id! } }), enabled: id !== null });
}

export const useCreateDraw = () => useRegistryMutation((input: DrawInput) => call(records.createDraw, { body: input }));

export function useVerifyDraw() {
  return useMutation({ mutationFn: (id: string) => call(records.verifyDraw, { params: { id } }) });
}

export function useStartImport() {
  return useMutation({ mutationFn: (file: File) => upload(records.startImport, {}, file, XLSX_MIME, fileNameHeader(file)) });
}

const running = (v: ImportView | undefined) => v?.state === 'parsing' || v?.state === 'committing';

/** The import as the server has it; polled while it is being read or written, for the progress bar. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...registryKey, 'import', id],
    queryFn: () => call(records.import, { params: { id: id! } }),
    enabled: id !== null,
    refetchInterval: (q) => (running(q.state.data) ? 500 : false),
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, skipInvalid }: { id: string; skipInvalid: boolean }) => call(records.commitImport, { params: { id }, body: { skipInvalid } }),
    onSuccess: (v) => {
      qc.setQueryData([...registryKey, 'import', v.id], v);
      return qc.invalidateQueries({ queryKey: [...registryKey, 'list'] });
    },
  });
}

/** The export is a plain download (the browser saves it); the server limits the rows to the user's jurisdiction. */
export function exportUrl(filter: EntityFilter, columns: readonly RegistryColumn[]): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  params.set('columns', columns.join(','));
  return `${registryApi.export.path}?${params.toString()}`;
}
