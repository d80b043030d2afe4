import { IdParamsSchema, OkSchema, listOf } from '../common';
import { NotificationListQuerySchema, NotificationViewSchema, NotificationsReadAllViewSchema, UnreadCountViewSchema } from '../audit';
import { defineRoutes } from '../route-table';

const tags = ['notifications 通知'] as const;

export const notificationsApi = defineRoutes({
  list: { method: 'GET', path: '/api/notifications', summary: '我的通知', tags, query: NotificationListQuerySchema, response: { 200: listOf(NotificationViewSchema) } },
  unreadCount: { method: 'GET', path: '/api/notifications/unread-count', summary: '未读通知数', tags, response: { 200: UnreadCountViewSchema } },
  markRead: { method: 'POST', path: '/api/notifications/:id/read', summary: '标记通知为已读', tags, params: IdParamsSchema, response: { 200: OkSchema } },
  markAllRead: { method: 'POST', path: '/api/notifications/read-all', summary: '全部标记为已读', tags, response: { 200: NotificationsReadAllViewSchema } },
});
