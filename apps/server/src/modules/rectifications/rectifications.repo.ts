import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rectificationFollowUps, rectifications } from '../../db/schema';
import type { RectificationItem } from './rectifications.types';

/** Items matching `where`, oldest first (a source's items in their order), each with its follow-ups (oldest first). */
export async function itemsWhere(q: Queryable, where: SQL | undefined): Promise<RectificationItem[]> {
  const rows = await q.select().from(rectifications).where(where).orderBy(asc(rectifications.createdAt), asc(rectifications.sourceId), asc(rectifications.ordinal));
  if (!rows.length) return [];
  const follow = await q.select().from(rectificationFollowUps).where(inArray(rectificationFollowUps.rectificationId, rows.map((r) => r.id)))
    // the closing follow-up is the last of its item, even when recorded in the same instant as a progress note
    .orderBy(asc(rectificationFollowUps.createdAt), sql`${rectificationFollowUps.kind} <> 'progress'`, asc(rectificationFollowUps.id));
  return rows.map((r) => ({ ...r, followUps: follow.filter((f) => f.rectificationId === r.id) }));
}

export const bySources = (sourceType: string, sourceIds: string[]) =>
  and(eq(rectifications.sourceType, sourceType), inArray(rectifications.sourceId, sourceIds));

export const byEntity = (entityId: string, openOnly: boolean) =>
  and(eq(rectifications.entityId, entityId), openOnly ? eq(rectifications.state, 'open') : undefined);
