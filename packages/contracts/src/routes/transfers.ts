import { IdParamsSchema, listOf } from '../common';
import { ReasonInputSchema, TransferBoxQuerySchema, TransferRecordReplyInputSchema, TransferReplyInputSchema, TransferViewSchema } from '../reports';
import { defineRoutes } from '../route-table';

const tags = ['transfers 移交'] as const;

/** 移交: the department's inbox and the office's outbox are separate paths, each granted by one permission. */
export const transfersApi = defineRoutes({
  inbox: { method: 'GET', path: '/api/transfers', summary: '收到的移交', tags, query: TransferBoxQuerySchema, response: { 200: listOf(TransferViewSchema) } },
  outbox: { method: 'GET', path: '/api/transfers/outbox', summary: '发出的移交', tags, query: TransferBoxQuerySchema, response: { 200: listOf(TransferViewSchema) } },
  get: { method: 'GET', path: '/api/transfers/:id', summary: '移交详情', tags, params: IdParamsSchema, response: { 200: TransferViewSchema } },
  sign: {
    method: 'POST', path: '/api/transfers/:id/sign', summary: '签收移交', tags, errors: ['transfer.invalid_transition'],
    params: IdParamsSchema, response: { 200: TransferViewSchema },
  },
  reply: {
    method: 'POST', path: '/api/transfers/:id/reply', summary: '答复移交', tags, errors: ['transfer.invalid_transition', 'report.evidence_unknown'],
    params: IdParamsSchema, body: TransferReplyInputSchema, response: { 200: TransferViewSchema },
  },
  return: {
    method: 'POST', path: '/api/transfers/:id/return', summary: '退回移交', tags, errors: ['transfer.invalid_transition'],
    params: IdParamsSchema, body: ReasonInputSchema, response: { 200: TransferViewSchema },
  },
  urge: {
    method: 'POST', path: '/api/transfers/:id/urge', summary: '催办移交', tags, errors: ['transfer.invalid_transition'],
    params: IdParamsSchema, body: ReasonInputSchema, response: { 200: TransferViewSchema },
  },
  recordReply: {
    method: 'POST', path: '/api/transfers/:id/record-reply', summary: '代录回函', tags, errors: ['transfer.invalid_transition'],
    params: IdParamsSchema, body: TransferRecordReplyInputSchema, response: { 200: TransferViewSchema },
  },
});
