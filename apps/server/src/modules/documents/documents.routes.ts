import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DocumentListQuerySchema, DocumentListSchema, DocumentRenderInputSchema, DocumentSchema, DocumentTemplateListSchema, IdParamsSchema,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { attachment } from '../../lib/attachment';
import type { Services } from '../../services';
import { DOCX_MIME } from './documents.service';
import { documentsPolicy as policy } from './documents.policy';

/** Documents 文书: templates staff fill in, rendering one, a subject's documents, the stored file. */
export const documentsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['documents 文书'];
  const d = s.documents;

  app.get('/api/documents/templates', {
    config: { permission: policy.templates },
    schema: { summary: '可填写生成的文书模板', tags, response: { 200: DocumentTemplateListSchema } },
  }, async (req) => ({ items: d.directTemplates(currentUser(req)) }));

  app.post('/api/documents', {
    config: { permission: policy.render },
    schema: {
      summary: '按模板生成文书（Word）', errors: ['document.unknown_template', 'document.invalid_data', 'jurisdiction.out_of_scope'], tags,
      body: DocumentRenderInputSchema, response: { 201: DocumentSchema },
    },
  }, async (req, reply) => reply.status(201).send(await d.renderDirect(currentUser(req), req.body)));

  app.get('/api/documents', {
    config: { permission: policy.list },
    schema: { summary: '某一对象的文书', tags, querystring: DocumentListQuerySchema, response: { 200: DocumentListSchema } },
  }, async (req) => ({ items: await d.listFor(currentUser(req), { type: req.query.subjectType, id: req.query.subjectId }) }));

  app.get('/api/documents/:id', {
    config: { permission: policy.read },
    schema: { summary: '文书详情', tags, params: IdParamsSchema, response: { 200: DocumentSchema } },
  }, async (req) => d.get(currentUser(req), req.params.id));

  app.get('/api/documents/:id/file', {
    config: { permission: policy.read },
    schema: { summary: '下载文书文件（核对哈希后发出）', tags, params: IdParamsSchema, produces: [DOCX_MIME] },
  }, async (req, reply) => {
    const { document, bytes, mime } = await d.file(currentUser(req), req.params.id);
    return reply.type(mime).header('content-disposition', attachment(document.filename, 'document.docx')).header('x-content-sha256', document.sha256).send(bytes);
  });
};
