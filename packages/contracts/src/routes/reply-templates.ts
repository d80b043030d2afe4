import { IdParamsSchema, OkSchema } from '../common';
import { ReplyTemplateInputSchema, ReplyTemplateListSchema, ReplyTemplateUpdateSchema, ReplyTemplateViewSchema } from '../reports';
import { defineRoutes } from '../route-table';

const tags = ['reports 举报'] as const;

/** 答复模板 maintenance at the admin's own level; handlers get the templates in force with the report options. */
export const replyTemplatesApi = defineRoutes({
  list: { method: 'GET', path: '/api/reply-templates', summary: '答复模板列表', tags, response: { 200: ReplyTemplateListSchema } },
  create: {
    method: 'POST', path: '/api/reply-templates', summary: '新建答复模板', tags, errors: ['resource.conflict'],
    body: ReplyTemplateInputSchema, response: { 201: ReplyTemplateViewSchema },
  },
  update: {
    method: 'PATCH', path: '/api/reply-templates/:id', summary: '修改答复模板', tags, errors: ['resource.conflict'],
    params: IdParamsSchema, body: ReplyTemplateUpdateSchema, response: { 200: ReplyTemplateViewSchema },
  },
  remove: { method: 'DELETE', path: '/api/reply-templates/:id', summary: '删除答复模板', tags, params: IdParamsSchema, response: { 200: OkSchema } },
});
