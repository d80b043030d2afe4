import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContactRevealViewSchema, DrawInputSchema, DrawListSchema, DrawViewSchema, DuplicateCheckInputSchema, DuplicateListSchema, EntityFilter,
  EntityInputSchema, EntityListSchema, EntityPage, EntityQuery, EntityUpdate, EntityView, ImportView, InspectionInputSchema,
  InterviewInputSchema, PledgeInputSchema, RegistryColumn, RegistryFileUploadSchema, XLSX_MIME,
  RegistryOptions,
} from '@tianlang/contracts';
import { api } from '../../lib/api';
import type { Infer } from '../../lib/infer';
import type { InferIn } from '../reports/reports.api';

export type EntityList = Infer<typeof EntityListSchema>;
export type EntityInput = InferIn<typeof EntityInputSchema>;
export type DuplicateCheck = InferIn<typeof DuplicateCheckInputSchema>;
export type DuplicateList = Infer<typeof DuplicateListSchema>;
export type Duplicate = DuplicateList['items'][number];
export type ContactReveal = Infer<typeof ContactRevealViewSchema>;
export type PledgeInput = InferIn<typeof PledgeInputSchema>;
export type InspectionInput = InferIn<typeof InspectionInputSchema>;
export type InterviewInput = InferIn<typeof InterviewInputSchema>;
export type FileUpload = Infer<typeof RegistryFileUploadSchema>;
export type DrawInput = InferIn<typeof DrawInputSchema>;
export type DrawView = Infer<typeof DrawViewSchema>;
export type DrawList = Infer<typeof DrawListSchema>;
export type DrawTask = DrawView['tasks'][number];
export type ListQuery = Partial<Omit<EntityQuery, 'limit' | 'offset'>> & { limit: number; offset: number };
export type { EntityFilter, EntityPage, EntityView, ImportView };

export const XLSX_TYPE: typeof XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server's paths, in one place. */
const base = '/api/registry';
export const registryPaths = {
  entities: `${base}/entities`,
  duplicates: `${base}/entities/duplicates`,
  entity: (id: string) => `${base}/entities/${id}`,
  entityAction: (id: string, action: string) => `${base}/entities/${id}/${action}`,
  followUp: (id: string) => `${base}/rectifications/${id}/follow-up`,
  progress: (id: string) => `${base}/rectifications/${id}/progress`,
  files: `${base}/files`,
  file: (entityId: string, fileId: string) => `${base}/entities/${entityId}/files/${fileId}`,
  options: `${base}/options`,
  draws: `${base}/draws`,
  draw: (id: string) => `${base}/draws/${id}`,
  drawVerify: (id: string) => `${base}/draws/${id}/verify`,
  imports: `${base}/imports`,
  import: (id: string) => `${base}/imports/${id}`,
  importCommit: (id: string) => `${base}/imports/${id}/commit`,
  export: `${base}/export`,
};

/** Everything of the registry under one key: a record on an entity changes its page, the list and the draws. */
export const registryKey = ['registry'] as const;
const pageKey = (id: string) => [...registryKey, 'entity', id] as const;

/** Pickers: certified officers, responsible-officer candidates, tags in use (GET /api/registry/options). */
export type { RegistryOptions };

export function useRegistryOptions() {
  return useQuery({
    queryKey: [...registryKey, 'options'],
    queryFn: () => api.get<RegistryOptions>(registryPaths.options),
    staleTime: 60_000,
  });
}

export function useEntityList(query: ListQuery) {
  return useQuery({
    queryKey: [...registryKey, 'list', query],
    queryFn: () => api.get<EntityList>(registryPaths.entities, { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useEntityPage(id: string) {
  return useQuery({ queryKey: pageKey(id), queryFn: () => api.get<EntityPage>(registryPaths.entity(id)) });
}

export function useDuplicateCheck() {
  return useMutation({ mutationFn: (input: DuplicateCheck) => api.post<DuplicateList>(registryPaths.duplicates, input) });
}

function useRegistryMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: registryKey }) });
}

export const useCreateEntity = () => useRegistryMutation((input: EntityInput) => api.post<EntityView>(registryPaths.entities, input));
export const useUpdateEntity = () =>
  useRegistryMutation(({ id, input }: { id: string; input: EntityUpdate }) => api.patch<EntityView>(registryPaths.entity(id), input));

/** The audited actions of one entity (grade, move, status) and its records (pledges, inspections, interviews). */
export type EntityActionPath = 'grade' | 'move' | 'status' | 'pledges' | 'inspections' | 'interviews';
export const useEntityAction = () =>
  useRegistryMutation(({ id, action, body }: { id: string; action: EntityActionPath; body: unknown }) =>
    api.post<unknown>(registryPaths.entityAction(id, action), body),
  );

export const useFollowUp = () =>
  useRegistryMutation(({ id, body }: { id: string; body: { result: 'rectified' | 'not_rectified'; note: string } }) =>
    api.post<unknown>(registryPaths.followUp(id), body),
  );
/** An interim follow-up (整改进展): the item stays open. */
export const useRectificationProgress = () =>
  useRegistryMutation(({ id, body }: { id: string; body: { note: string } }) => api.post<unknown>(registryPaths.progress(id), body));

/** Each reveal is written to the audit log on the server, so it is a POST and never cached. */
export function useRevealContact() {
  return useMutation({ mutationFn: (id: string) => api.post<ContactReveal>(registryPaths.entityAction(id, 'contact')) });
}

/** The server records the original name of an upload; headers carry only ASCII, so it is URI-encoded. */
const fileNameHeader = (file: File) => ({ 'x-filename': encodeURIComponent(file.name) });

export function useUploadFile() {
  return useMutation({
    mutationFn: (file: File) => api.upload<FileUpload>(registryPaths.files, file, file.type || 'application/octet-stream', { headers: fileNameHeader(file) }),
  });
}

export function useDraws(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...registryKey, 'draws', page],
    queryFn: () => api.get<DrawList>(registryPaths.draws, { query: { limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useDraw(id: string | null) {
  return useQuery({ queryKey: [...registryKey, 'draw', id], queryFn: () => api.get<DrawView>(registryPaths.draw(id!)), enabled: id !== null });
}

export const useCreateDraw = () => useRegistryMutation((input: DrawInput) => api.post<DrawView>(registryPaths.draws, input));

export function useVerifyDraw() {
  return useMutation({ mutationFn: (id: string) => api.post<{ reproduced: boolean }>(registryPaths.drawVerify(id)) });
}

export function useStartImport() {
  return useMutation({ mutationFn: (file: File) => api.upload<ImportView>(registryPaths.imports, file, XLSX_TYPE, { headers: fileNameHeader(file) }) });
}

const running = (v: ImportView | undefined) => v?.state === 'parsing' || v?.state === 'committing';

/** The import as the server has it; polled while it is being read or written, for the progress bar. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...registryKey, 'import', id],
    queryFn: () => api.get<ImportView>(registryPaths.import(id!)),
    enabled: id !== null,
    refetchInterval: (q) => (running(q.state.data) ? 500 : false),
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, skipInvalid }: { id: string; skipInvalid: boolean }) => api.post<ImportView>(registryPaths.importCommit(id), { skipInvalid }),
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
  return `${registryPaths.export}?${params.toString()}`;
}
