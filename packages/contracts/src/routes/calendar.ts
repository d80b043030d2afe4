import { OkSchema } from '../common';
import {
  CalendarDayInputSchema, CalendarDayParamsSchema, CalendarDayRemoveQuerySchema, CalendarDayViewSchema, CalendarYearQuerySchema,
  CalendarYearViewSchema, DeadlinePreviewInputSchema, DeadlinePreviewViewSchema,
} from '../admin';
import { defineRoutes } from '../route-table';

const tags = ['calendar 工作日历'] as const;

export const calendarApi = defineRoutes({
  year: { method: 'GET', path: '/api/calendar', summary: '某年的工作日历', tags, query: CalendarYearQuerySchema, response: { 200: CalendarYearViewSchema } },
  setDay: {
    method: 'PUT', path: '/api/calendar/days/:date', summary: '设置节假日或调休工作日', tags, errors: ['calendar.invalid_day'],
    params: CalendarDayParamsSchema, body: CalendarDayInputSchema, response: { 200: CalendarDayViewSchema },
  },
  removeDay: {
    method: 'DELETE', path: '/api/calendar/days/:date', summary: '取消某日的调整', tags, errors: ['resource.not_found'],
    params: CalendarDayParamsSchema, query: CalendarDayRemoveQuerySchema, response: { 200: OkSchema },
  },
  preview: { method: 'POST', path: '/api/calendar/preview', summary: '预览办理期限', tags, body: DeadlinePreviewInputSchema, response: { 200: DeadlinePreviewViewSchema } },
});
