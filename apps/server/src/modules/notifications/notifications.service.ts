import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { NotificationView } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { notifications, users, type NotificationRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { notFound } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  subjectType?: string;
  subjectId?: string;
  /** the same key for the same user is sent once (e.g. "deadline:<id>:overdue") */
  dedupeKey?: string;
}

export const notificationView = (n: NotificationRow): NotificationView => ({
  id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link,
  createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
});

/** Sends to users (inside the caller's transaction); returns how many were new. */
export async function notifyUsers(tx: Queryable, userIds: string[], n: NotificationInput, at: Date): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await tx.insert(notifications).values(userIds.map((userId) => ({
    userId, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null,
    subjectType: n.subjectType ?? null, subjectId: n.subjectId ?? null, dedupeKey: n.dedupeKey ?? null, createdAt: at,
  }))).onConflictDoNothing().returning({ id: notifications.id });
  return rows.length;
}

export async function activeUsersOfUnit(tx: Queryable, unitId: string): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, unitId), eq(users.active, true)));
  return rows.map((r) => r.id);
}

export function createNotificationsService({ db, clock }: { db: Db; clock: Clock }) {
  const mine = (user: AuthUser, unreadOnly: boolean) =>
    and(eq(notifications.userId, user.id), unreadOnly ? isNull(notifications.readAt) : undefined);

  return {
    async list(user: AuthUser, q: { unread?: 'true' | 'false'; limit: number; offset: number }) {
      const where = mine(user, q.unread === 'true');
      const items = await db.select().from(notifications).where(where)
        .orderBy(desc(notifications.createdAt)).limit(q.limit).offset(q.offset);
      const [total] = await db.select({ n: count() }).from(notifications).where(where);
      return { items: items.map(notificationView), total: total?.n ?? 0 };
    },
    async unreadCount(user: AuthUser) {
      const [row] = await db.select({ n: count() }).from(notifications).where(mine(user, true));
      return row?.n ?? 0;
    },
    async markRead(user: AuthUser, id: string) {
      const rows = await db.update(notifications).set({ readAt: clock.now() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, user.id), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      if (rows.length === 0) {
        const [exists] = await db.select({ id: notifications.id }).from(notifications)
          .where(and(eq(notifications.id, id), eq(notifications.userId, user.id)));
        if (!exists) throw notFound('notification');
      }
    },
    async markAllRead(user: AuthUser) {
      const rows = await db.update(notifications).set({ readAt: clock.now() }).where(mine(user, true)).returning({ id: notifications.id });
      return rows.length;
    },
    notify: (userIds: string[], n: NotificationInput) => notifyUsers(db, userIds, n, clock.now()),
    byIds: (ids: string[]) => db.select().from(notifications).where(inArray(notifications.id, ids)),
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
