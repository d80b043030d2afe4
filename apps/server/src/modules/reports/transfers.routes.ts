import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParamsSchema, ReasonInputSchema, TransferQuerySchema, TransferRecordReplyInputSchema, TransferReplyInputSchema, TransferViewSchema, listOf,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** A route grants one permission: the department's inbox and the office's outbox are separate paths. */
const BoxQuerySchema = TransferQuerySchema.omit({ box: true });

export const transfersRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['transfers 移交'];
  const t = s.reports.transfers;

  app.get('/api/transfers', {
    config: { permission: policy.handleTransfer },
    schema: { summary: '收到的移交', tags, querystring: BoxQuerySchema, response: { 200: listOf(TransferViewSchema) } },
  }, async (req) => t.list(currentUser(req), 'inbox', req.query));

  app.get('/api/transfers/outbox', {
    config: { permission: policy.read },
    schema: { summary: '发出的移交', tags, querystring: BoxQuerySchema, response: { 200: listOf(TransferViewSchema) } },
  }, async (req) => t.list(currentUser(req), 'outbox', req.query));

  app.get('/api/transfers/:id', {
    config: { permission: policy.handleTransfer },
    schema: { summary: '移交详情', tags, params: IdParamsSchema, response: { 200: TransferViewSchema } },
  }, async (req) => t.get(currentUser(req), req.params.id));

  app.post('/api/transfers/:id/sign', {
    config: { permission: policy.handleTransfer },
    schema: { summary: '签收移交', errors: ['transfer.invalid_transition'], tags, params: IdParamsSchema, response: { 200: TransferViewSchema } },
  }, async (req) => t.sign(currentUser(req), req.params.id));

  app.post('/api/transfers/:id/reply', {
    config: { permission: policy.handleTransfer },
    schema: { summary: '答复移交', errors: ['transfer.invalid_transition', 'report.evidence_unknown'], tags, params: IdParamsSchema, body: TransferReplyInputSchema, response: { 200: TransferViewSchema } },
  }, async (req) => t.reply(currentUser(req), req.params.id, req.body.text));

  app.post('/api/transfers/:id/return', {
    config: { permission: policy.handleTransfer },
    schema: { summary: '退回移交', errors: ['transfer.invalid_transition'], tags, params: IdParamsSchema, body: ReasonInputSchema, response: { 200: TransferViewSchema } },
  }, async (req) => t.return(currentUser(req), req.params.id, req.body.reason));

  app.post('/api/transfers/:id/urge', {
    config: { permission: policy.urgeTransfer },
    schema: { summary: '催办移交', errors: ['transfer.invalid_transition'], tags, params: IdParamsSchema, body: ReasonInputSchema, response: { 200: TransferViewSchema } },
  }, async (req) => t.urge(currentUser(req), req.params.id, req.body.reason));

  app.post('/api/transfers/:id/record-reply', {
    config: { permission: policy.recordTransferReply },
    schema: { summary: '代录回函', errors: ['transfer.invalid_transition'], tags, params: IdParamsSchema, body: TransferRecordReplyInputSchema, response: { 200: TransferViewSchema } },
  }, async (req) => t.recordReply(currentUser(req), req.params.id, req.body));
};
