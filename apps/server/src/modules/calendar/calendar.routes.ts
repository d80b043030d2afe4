import type { FastifyPluginAsync } from 'fastify';
import { calendarApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { calendarPolicy as policy } from './calendar.policy';

export const calendarRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.year, { config: { permission: policy.read, settings: 'calendar_day' } }, async (req) => s.calendar.year(currentUser(req), req.query.year));
  mount(app, api.setDay, { config: { permission: policy.update, settings: 'calendar_day' } },
    async (req) => s.calendar.setDay(currentUser(req), req.params.date, req.body));
  mount(app, api.removeDay, { config: { permission: policy.update, settings: 'calendar_day' } }, async (req) => {
    await s.calendar.removeDay(currentUser(req), req.params.date, req.query.reason);
    return { ok: true as const };
  });
  mount(app, api.preview, { config: { permission: policy.read } },
    async (req) => s.calendar.preview(currentUser(req), new Date(req.body.start), req.body.amount, req.body.unit));
};
