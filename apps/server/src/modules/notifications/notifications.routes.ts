import type { FastifyPluginAsync } from 'fastify';
import { notificationsApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';

/** Notifications are personal: any signed-in user, only their own. */
export const notificationsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.list, {}, async (req) => s.notifications.list(currentUser(req), req.query));
  mount(app, api.unreadCount, {}, async (req) => ({ unread: await s.notifications.unreadCount(currentUser(req)) }));
  mount(app, api.markRead, {}, async (req) => {
    await s.notifications.markRead(currentUser(req), req.params.id);
    return { ok: true as const };
  });
  mount(app, api.markAllRead, {}, async (req) => ({ ok: true as const, updated: await s.notifications.markAllRead(currentUser(req)) }));
};
