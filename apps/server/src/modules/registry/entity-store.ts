import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions, registryEntities, type RegistryEntityRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { scopeFilter, assertJurisdictionInScope } from '../auth/scope';

export const ENTITY_SUBJECT = 'registry_entity';

/**
 * An entity inside the user's jurisdiction subtree, locked for a change (or just read). Entities
 * of other jurisdictions do not exist for the user: 404, nothing about them is revealed.
 */
export async function findEntity(q: Queryable, id: string, user: Pick<AuthUser, 'scopePath'>, lock = false): Promise<RegistryEntityRow> {
  const query = q.select().from(registryEntities).where(and(eq(registryEntities.id, id), scopeFilter(user, registryEntities.jurisdictionPath)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('resource.not_found', 'entity not found');
  return row;
}

/** Appends an event to the entity's chain (same transaction as the change). */
export async function entityEvent(tx: Queryable, entity: Pick<RegistryEntityRow, 'id' | 'status'>, user: AuthUser, action: string, at: Date,
  o: { reason?: string | null; payload?: Record<string, unknown>; fromState?: string; toState?: string; batchId?: string | null } = {}) {
  await appendEvent(tx, {
    subjectType: ENTITY_SUBJECT, subjectId: entity.id, action, actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId,
    fromState: o.fromState ?? entity.status, toState: o.toState ?? entity.status, reason: o.reason ?? null, payload: o.payload ?? {},
    batchId: o.batchId ?? null, at,
  });
}

/** The level of the user's own jurisdiction (city, district, town, community). */
export async function userLevel(q: Queryable, user: AuthUser): Promise<string> {
  const [j] = await q.select({ level: jurisdictions.level }).from(jurisdictions).where(eq(jurisdictions.id, user.jurisdictionId));
  return j?.level ?? 'community';
}

/** A jurisdiction inside the user's subtree, or jurisdiction.out_of_scope. */
export async function scopedJurisdiction(q: Queryable, user: AuthUser, id: string) {
  const [j] = await q.select().from(jurisdictions).where(and(eq(jurisdictions.id, id), eq(jurisdictions.active, true)));
  assertJurisdictionInScope(user, j, undefined, { field: 'jurisdictionId' });
  return j;
}
