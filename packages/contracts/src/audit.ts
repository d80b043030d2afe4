import { z } from 'zod';
import { PageQuerySchema, text } from './common';

export const EventViewSchema = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  seq: z.number().int(),
  action: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  unitId: z.uuid().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  hash: z.string(),
});
export type EventView = z.infer<typeof EventViewSchema>;

export const EventListQuerySchema = PageQuerySchema.extend({
  subjectType: text().max(40).optional(),
  subjectId: text().max(80).optional(),
  actorId: z.uuid().optional(),
});

export const NotificationViewSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationViewSchema>;

export const NotificationListQuerySchema = PageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export const UnreadCountViewSchema = z.object({ unread: z.number().int() });
export const NotificationsReadAllViewSchema = z.object({ ok: z.literal(true), updated: z.number().int() });
