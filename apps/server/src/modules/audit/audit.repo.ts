import { and, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EventListQuerySchema, EventView } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { events, jurisdictions, units, users } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';
import { scopeFilter } from '../auth/scope';

type ListQuery = z.infer<typeof EventListQuerySchema>;

export function createAuditRepo(db: Queryable) {
  return {
    /**
     * Events are visible when the acting unit is in the reader's jurisdiction; events without a
     * unit (system sweeps) only to readers at the root of the tree.
     */
    async list(user: AuthUser, q: ListQuery): Promise<{ items: EventView[]; total: number }> {
      const atRoot = user.scopePath.split('/').filter(Boolean).length === 1;
      const scopedUnits = db.select({ id: units.id }).from(units)
        .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
        .where(scopeFilter(user, jurisdictions.path));
      const where = and(
        or(inArray(events.unitId, scopedUnits), atRoot ? isNull(events.unitId) : sql`false`),
        q.subjectType ? eq(events.subjectType, q.subjectType) : undefined,
        q.subjectId ? eq(events.subjectId, q.subjectId) : undefined,
        q.actorId ? eq(events.actorId, q.actorId) : undefined,
      );
      const rows = await db.select({ e: events, actorName: users.displayName }).from(events)
        .leftJoin(users, eq(users.id, events.actorId)).where(where)
        .orderBy(desc(events.id)).limit(q.limit).offset(q.offset);
      const [total] = await db.select({ n: count() }).from(events).where(where);
      return {
        total: total?.n ?? 0,
        items: rows.map(({ e, actorName }) => ({
          id: String(e.id), subjectType: e.subjectType, subjectId: e.subjectId, seq: e.seq, action: e.action,
          actorId: e.actorId, actorName, actorRole: e.actorRole, unitId: e.unitId, fromState: e.fromState,
          toState: e.toState, reason: e.reason, payload: e.payload, createdAt: e.createdAt.toISOString(), hash: e.hash,
        })),
      };
    },
  };
}
