import { and, asc, desc, eq, inArray, like, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { events, type EventRow } from '../../db/schema';

/** Some subjects' events: all of them, or only the actions given, or only those starting with a prefix. */
export interface SubjectEvents { type: string; ids: string[]; actions?: readonly string[]; actionPrefix?: string }

/**
 * The recorded history of some subjects (a report's timeline, a registry page's), in the order they
 * happened (`newestFirst` turns it around), at most `limit` events. The one way another module reads events.
 */
export async function eventsOf(q: Queryable, subjects: SubjectEvents[], { newestFirst = false, limit }: { newestFirst?: boolean; limit?: number } = {}): Promise<EventRow[]> {
  const conds = subjects.filter((s) => s.ids.length > 0).map((s) => and(
    eq(events.subjectType, s.type), s.ids.length === 1 ? eq(events.subjectId, s.ids[0]!) : inArray(events.subjectId, s.ids),
    s.actions ? inArray(events.action, [...s.actions]) : undefined,
    s.actionPrefix ? like(events.action, `${s.actionPrefix}%`) : undefined,
  ));
  if (conds.length === 0) return [];
  const order = newestFirst ? [desc(events.createdAt), desc(events.id)] : [asc(events.createdAt), asc(events.id)];
  const query = q.select().from(events).where(or(...conds)).orderBy(...order);
  return limit === undefined ? query : query.limit(limit);
}

/** The events a bulk action wrote on subjects of one type, in the order written. */
export async function eventsOfBatch(q: Queryable, batchId: string, subjectType: string): Promise<EventRow[]> {
  return q.select().from(events).where(and(eq(events.batchId, batchId), eq(events.subjectType, subjectType))).orderBy(asc(events.id));
}
