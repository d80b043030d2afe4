import type { FastifyPluginAsync } from 'fastify';
import { documentsApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import { attachment } from '../../lib/attachment';
import type { Services } from '../../services';
import { documentsPolicy as policy } from './documents.policy';

/** Documents 文书: templates staff fill in, rendering one, a subject's documents, the stored file. */
export const documentsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const d = s.documents;

  mount(app, api.templates, { config: { permission: policy.templates } }, async (req) => ({ items: d.directTemplates(currentUser(req)) }));

  mount(app, api.render, { config: { permission: policy.render } }, async (req, reply) => reply.status(201).send(await d.renderDirect(currentUser(req), req.body)));

  mount(app, api.list, { config: { permission: policy.list } },
    async (req) => ({ items: await d.listFor(currentUser(req), { type: req.query.subjectType, id: req.query.subjectId }) }));

  mount(app, api.get, { config: { permission: policy.read } }, async (req) => d.get(currentUser(req), req.params.id));

  mount(app, api.file, { config: { permission: policy.read } }, async (req, reply) => {
    const { document, bytes, mime } = await d.file(currentUser(req), req.params.id);
    return reply.type(mime).header('content-disposition', attachment(document.filename, 'document.docx')).header('x-content-sha256', document.sha256).send(bytes);
  });
};
