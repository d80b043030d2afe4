import { IdParamsSchema } from '../common';
import {
  DocumentListQuerySchema, DocumentListSchema, DocumentRenderInputSchema, DocumentSchema, DocumentTemplateListSchema,
} from '../documents';
import { defineRoutes } from '../route-table';

const tags = ['documents 文书'] as const;

/** Documents 文书: templates staff fill in, rendering one, a subject's documents, the stored file. */
export const documentsApi = defineRoutes({
  templates: { method: 'GET', path: '/api/documents/templates', summary: '可填写生成的文书模板', tags, response: { 200: DocumentTemplateListSchema } },
  render: {
    method: 'POST', path: '/api/documents', summary: '按模板生成文书（Word）', tags,
    errors: ['document.unknown_template', 'document.invalid_data', 'jurisdiction.out_of_scope'],
    body: DocumentRenderInputSchema, response: { 201: DocumentSchema },
  },
  list: { method: 'GET', path: '/api/documents', summary: '某一对象的文书', tags, query: DocumentListQuerySchema, response: { 200: DocumentListSchema } },
  get: { method: 'GET', path: '/api/documents/:id', summary: '文书详情', tags, params: IdParamsSchema, response: { 200: DocumentSchema } },
  file: { method: 'GET', path: '/api/documents/:id/file', summary: '下载文书文件（核对哈希后发出）', tags, params: IdParamsSchema, file: true },
});
