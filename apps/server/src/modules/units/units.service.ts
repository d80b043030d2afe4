import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UnitCreateInputSchema, UnitUpdateInputSchema, UnitListQuerySchema } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { units } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { diff } from '../../lib/changes';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import type { JurisdictionsService } from '../jurisdictions/jurisdictions.service';
import { createUnitsRepo } from './units.repo';

type CreateInput = z.infer<typeof UnitCreateInputSchema>;
type UpdateInput = z.infer<typeof UnitUpdateInputSchema>;
type ListQuery = z.infer<typeof UnitListQuerySchema>;

export function createUnitsService({ db, clock, jurisdictions }: { db: Db; clock: Clock; jurisdictions: JurisdictionsService }) {
  const repo = createUnitsRepo(db);

  async function getVisible(user: AuthUser, id: string) {
    const { items } = await repo.list({ scopePath: user.scopePath, id }, { limit: 1, offset: 0 });
    if (!items[0]) throw notFound('unit');
    return items[0];
  }

  async function create(user: AuthUser, input: CreateInput) {
    await jurisdictions.getVisible(user, input.jurisdictionId);
    assertThat(!(await repo.nameTaken(input.name)), 'resource.conflict', 'unit name already used', { field: 'name' });
    const id = randomUUID();
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.insert(units).values({ id, ...input, createdAt: now, updatedAt: now });
      await appendEvent(tx, {
        subjectType: 'unit', subjectId: id, action: 'unit.created', actorId: user.id, actorRole: primaryRole(user),
        unitId: user.unitId, toState: 'active', payload: { ...input }, at: now,
      });
    });
    return getVisible(user, id);
  }

  async function update(user: AuthUser, id: string, input: UpdateInput) {
    const current = await getVisible(user, id);
    // Moving a unit is allowed only into a jurisdiction the user also governs.
    if (input.jurisdictionId) await jurisdictions.getVisible(user, input.jurisdictionId);
    if (input.name) assertThat(!(await repo.nameTaken(input.name, id)), 'resource.conflict', 'unit name already used', { field: 'name' });
    if (input.active === false) assertThat(id !== user.unitId, 'user.cannot_modify_self', 'cannot deactivate your own unit');
    const { reason, ...fields } = input;
    const changes = diff(current.unit, fields);
    if (Object.keys(changes).length === 0) return current;
    const now = clock.now();
    await db.transaction(async (tx) => {
      await tx.update(units).set({ ...fields, updatedAt: now }).where(eq(units.id, id));
      await appendEvent(tx, {
        subjectType: 'unit', subjectId: id, action: changes.jurisdictionId ? 'unit.moved' : 'unit.updated',
        actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId, reason: reason ?? null,
        fromState: current.unit.active ? 'active' : 'inactive',
        toState: (fields.active ?? current.unit.active) ? 'active' : 'inactive', payload: { changes }, at: now,
      });
    });
    return getVisible(user, id);
  }

  const list = (user: AuthUser, q: ListQuery) =>
    repo.list({ scopePath: user.scopePath, kind: q.kind, jurisdictionId: q.jurisdictionId, q: q.q }, q);

  /** An active platform unit by id, for intake (no user: the public form and partner keys name it), or null. */
  const platformUnit = (id: string) => repo.activePlatform(id);
  /** The jurisdiction (id, path) a unit belongs to; resource.not_found when the unit does not exist. */
  async function jurisdictionOfUnit(unitId: string) {
    const j = await repo.jurisdictionOf(unitId);
    if (!j) throw notFound('unit');
    return j;
  }

  return { list, getVisible, create, update, platformUnit, jurisdictionOfUnit };
}
export type UnitsService = ReturnType<typeof createUnitsService>;

/** The jurisdiction's office unit, for reports (intake routing) and stats (the work report's sender). */
export { officeUnitOf } from './units.repo';
