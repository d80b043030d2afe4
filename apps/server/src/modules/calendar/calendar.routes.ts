import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarDayInputSchema, CalendarDayParamsSchema, CalendarDayViewSchema, CalendarYearQuerySchema,
  CalendarYearViewSchema, DeadlinePreviewInputSchema, DeadlinePreviewViewSchema, OkSchema, textField,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { calendarPolicy as policy } from './calendar.policy';

export const calendarRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['calendar 工作日历'];
  app.get('/api/calendar', {
    config: { permission: policy.read, settings: 'calendar_day' },
    schema: { summary: '某年的工作日历', tags, querystring: CalendarYearQuerySchema, response: { 200: CalendarYearViewSchema } },
  }, async (req) => s.calendar.year(currentUser(req), req.query.year));

  app.put('/api/calendar/days/:date', {
    config: { permission: policy.update, settings: 'calendar_day' },
    schema: { summary: '设置节假日或调休工作日', errors: ['calendar.invalid_day'], tags, params: CalendarDayParamsSchema, body: CalendarDayInputSchema, response: { 200: CalendarDayViewSchema } },
  }, async (req) => s.calendar.setDay(currentUser(req), req.params.date, req.body));

  app.delete('/api/calendar/days/:date', {
    config: { permission: policy.update, settings: 'calendar_day' },
    schema: {
      summary: '取消某日的调整', errors: ['resource.not_found'],
      tags, params: CalendarDayParamsSchema,
      querystring: z.strictObject({ reason: textField(500).optional() }), response: { 200: OkSchema },
    },
  }, async (req) => {
    await s.calendar.removeDay(currentUser(req), req.params.date, req.query.reason);
    return { ok: true as const };
  });

  app.post('/api/calendar/preview', {
    config: { permission: policy.read },
    schema: { summary: '预览办理期限', tags, body: DeadlinePreviewInputSchema, response: { 200: DeadlinePreviewViewSchema } },
  }, async (req) => s.calendar.preview(currentUser(req), new Date(req.body.start), req.body.amount, req.body.unit));
};
