import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { CHILD_LEVEL } from '@tianlang/contracts';
import type { z } from 'zod';
import type { JurisdictionCreateInputSchema, JurisdictionUpdateInputSchema } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { diff } from '../../lib/changes';
import { AppError, assertThat } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { assertInScope } from '../auth/scope';
import { createJurisdictionsRepo } from './jurisdictions.repo';

type CreateInput = z.infer<typeof JurisdictionCreateInputSchema>;
type UpdateInput = z.infer<typeof JurisdictionUpdateInputSchema>;

export function createJurisdictionsService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createJurisdictionsRepo(db);

  /** A jurisdiction the user may see, or 404: other jurisdictions do not exist for them. */
  async function getVisible(user: AuthUser, id: string) {
    const row = await repo.byId(id);
    assertInScope(user, row, 'jurisdiction');
    return row;
  }

  async function create(user: AuthUser, input: CreateInput) {
    const parent = await getVisible(user, input.parentId);
    const level = CHILD_LEVEL[parent.level];
    assertThat(level && parent.active, 'jurisdiction.invalid_parent', 'a community has no children; parent must be active');
    assertThat(!(await repo.byCode(input.code)), 'resource.conflict', 'code already used', { field: 'code' });
    const id = randomUUID();
    const now = clock.now();
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(jurisdictions).values({
        id, parentId: parent.id, code: input.code, name: input.name, level, path: `${parent.path}${id}/`,
        sort: input.sort, createdAt: now, updatedAt: now,
      }).returning();
      await appendEvent(tx, {
        subjectType: 'jurisdiction', subjectId: id, action: 'jurisdiction.created', actorId: user.id,
        actorRole: primaryRole(user), unitId: user.unitId, toState: 'active',
        payload: { code: input.code, name: input.name, level, parentId: parent.id }, at: now,
      });
      return row!;
    });
  }

  async function update(user: AuthUser, id: string, input: UpdateInput) {
    const current = await getVisible(user, id);
    if (input.code && (await repo.codeTakenByOther(input.code, id))) {
      throw new AppError('resource.conflict', 'code already used', { details: { field: 'code' } });
    }
    if (input.active === false && current.active) {
      assertThat(current.path !== user.scopePath, 'jurisdiction.out_of_scope', 'cannot deactivate your own jurisdiction');
      assertThat((await repo.activeChildren(id)).length === 0, 'jurisdiction.has_children');
    }
    const { reason, ...fields } = input;
    const changes = diff(current, fields);
    if (Object.keys(changes).length === 0) return current;
    const now = clock.now();
    return db.transaction(async (tx) => {
      const [row] = await tx.update(jurisdictions).set({ ...fields, updatedAt: now }).where(eq(jurisdictions.id, id)).returning();
      await appendEvent(tx, {
        subjectType: 'jurisdiction', subjectId: id, action: 'jurisdiction.updated', actorId: user.id,
        actorRole: primaryRole(user), unitId: user.unitId, reason: reason ?? null,
        fromState: current.active ? 'active' : 'inactive', toState: row!.active ? 'active' : 'inactive',
        payload: { changes }, at: now,
      });
      return row!;
    });
  }

  return { list: (user: AuthUser) => repo.listUnder(user.scopePath), getVisible, create, update, repo };
}
export type JurisdictionsService = ReturnType<typeof createJurisdictionsService>;
