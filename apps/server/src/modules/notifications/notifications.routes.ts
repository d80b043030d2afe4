import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema, NotificationListQuerySchema, NotificationViewSchema, OkSchema, UnreadCountViewSchema, listOf,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';

/** Notifications are personal: any signed-in user, only their own. */
export const notificationsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['notifications 通知'];
  app.get('/api/notifications', {
    schema: { summary: '我的通知', tags, querystring: NotificationListQuerySchema, response: { 200: listOf(NotificationViewSchema) } },
  }, async (req) => s.notifications.list(currentUser(req), req.query));

  app.get('/api/notifications/unread-count', {
    schema: { summary: '未读通知数', tags, response: { 200: UnreadCountViewSchema } },
  }, async (req) => ({ unread: await s.notifications.unreadCount(currentUser(req)) }));

  app.post('/api/notifications/:id/read', {
    schema: { summary: '标记通知为已读', tags, params: IdParamsSchema, response: { 200: OkSchema } },
  }, async (req) => {
    await s.notifications.markRead(currentUser(req), req.params.id);
    return { ok: true as const };
  });

  app.post('/api/notifications/read-all', {
    schema: { summary: '全部标记为已读', tags, response: { 200: z.object({ ok: z.literal(true), updated: z.number().int() }) } },
  }, async (req) => ({ ok: true as const, updated: await s.notifications.markAllRead(currentUser(req)) }));
};
