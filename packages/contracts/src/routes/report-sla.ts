import { ReportSlaCodeParamsSchema, ReportSlaInputSchema, ReportSlaRemoveQuerySchema, ReportSlaViewSchema } from '../reports';
import { defineRoutes } from '../route-table';

const tags = ['reports 举报'] as const;

/** 办理时限: accept / dispose / reply deadlines per category, at the root or overridden by a jurisdiction. */
export const reportSlaApi = defineRoutes({
  view: { method: 'GET', path: '/api/reports/sla', summary: '办理时限设置', tags, response: { 200: ReportSlaViewSchema } },
  set: {
    method: 'PUT', path: '/api/reports/sla/:code', summary: '设置某分类的办理时限', tags, errors: ['report.unknown_category'],
    params: ReportSlaCodeParamsSchema, body: ReportSlaInputSchema, response: { 200: ReportSlaViewSchema },
  },
  remove: {
    method: 'DELETE', path: '/api/reports/sla/:code', summary: '恢复某分类的默认办理时限', tags, errors: ['resource.not_found'],
    params: ReportSlaCodeParamsSchema, query: ReportSlaRemoveQuerySchema, response: { 200: ReportSlaViewSchema },
  },
});
