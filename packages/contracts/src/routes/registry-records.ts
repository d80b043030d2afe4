import { IdParamsSchema, PageQuerySchema } from '../common';
import {
  DrawInputSchema, DrawListSchema, DrawVerifySchema, DrawViewSchema, EntityFileParamsSchema, EntityViewSchema, FollowUpInputSchema, ImportCommitInputSchema,
  ImportViewSchema, ImportWaitQuerySchema, InspectionInputSchema, InterviewInputSchema, PledgeInputSchema, RegistryFileUploadSchema, XLSX_MIME,
} from '../registry';
import { RectificationProgressInputSchema } from '../rectifications';
import { EVIDENCE_TYPES } from '../report-enums';
import { defineRoutes, type RouteDef } from '../route-table';

const tags = ['registry 属地台账'] as const;

/** A record on an entity (pledge, inspection, interview): each answers with the entity as it now is. */
const record = <const S extends RouteDef['body'], const P extends string>(path: P, summary: string, body: S) => ({
  method: 'POST', path, summary, errors: ['registry.file_unknown', 'registry.invalid_transition'], tags,
  params: IdParamsSchema, body, response: { 201: EntityViewSchema },
} as const);

/** Records (pledge, inspection, interview, follow-up), their files, random draws and xlsx imports. */
export const registryRecordsApi = defineRoutes({
  // ── files (scanned pledges, inspection and interview records) ──
  uploadFile: {
    method: 'POST', path: '/api/registry/files', summary: '上传台账附件', errors: ['report.evidence_invalid', 'report.evidence_too_large'], tags,
    consumes: Object.keys(EVIDENCE_TYPES), response: { 200: RegistryFileUploadSchema },
  },
  file: { method: 'GET', path: '/api/registry/entities/:id/files/:fileId', summary: '下载台账附件', tags, params: EntityFileParamsSchema, file: true },

  // ── records ──
  pledge: record('/api/registry/entities/:id/pledges', '登记承诺书', PledgeInputSchema),
  inspection: record('/api/registry/entities/:id/inspections', '登记检查记录', InspectionInputSchema),
  interview: record('/api/registry/entities/:id/interviews', '登记约谈记录', InterviewInputSchema),
  followUp: {
    method: 'POST', path: '/api/registry/rectifications/:id/follow-up', summary: '登记整改跟进', errors: ['registry.invalid_transition', 'registry.file_unknown'], tags,
    params: IdParamsSchema, body: FollowUpInputSchema, response: { 200: EntityViewSchema },
  },
  progress: {
    method: 'POST', path: '/api/registry/rectifications/:id/progress', summary: '登记整改进展', errors: ['registry.invalid_transition'], tags,
    params: IdParamsSchema, body: RectificationProgressInputSchema, response: { 200: EntityViewSchema },
  },

  // ── 双随机 draws ──
  createDraw: {
    method: 'POST', path: '/api/registry/draws', summary: '发起随机抽查', errors: ['registry.draw_pool_too_small', 'jurisdiction.out_of_scope'], tags,
    body: DrawInputSchema, response: { 201: DrawViewSchema },
  },
  draws: { method: 'GET', path: '/api/registry/draws', summary: '随机抽查记录', tags, query: PageQuerySchema, response: { 200: DrawListSchema } },
  draw: { method: 'GET', path: '/api/registry/draws/:id', summary: '随机抽查详情', tags, params: IdParamsSchema, response: { 200: DrawViewSchema } },
  verifyDraw: { method: 'POST', path: '/api/registry/draws/:id/verify', summary: '核验抽查结果', tags, params: IdParamsSchema, response: { 200: DrawVerifySchema } },

  // ── xlsx import: upload → preview (background, progress by GET) → commit ──
  startImport: {
    method: 'POST', path: '/api/registry/imports', summary: '上传台账导入文件', errors: ['registry.import_invalid_file', 'import.too_large'], tags,
    query: ImportWaitQuerySchema, consumes: [XLSX_MIME, 'application/octet-stream'], response: { 202: ImportViewSchema },
  },
  import: { method: 'GET', path: '/api/registry/imports/:id', summary: '导入进度与校验结果', tags, params: IdParamsSchema, response: { 200: ImportViewSchema } },
  commitImport: {
    method: 'POST', path: '/api/registry/imports/:id/commit', summary: '确认导入', errors: ['registry.import_has_errors', 'registry.import_state', 'jurisdiction.out_of_scope'], tags,
    params: IdParamsSchema, query: ImportWaitQuerySchema, body: ImportCommitInputSchema, response: { 202: ImportViewSchema },
  },
});
