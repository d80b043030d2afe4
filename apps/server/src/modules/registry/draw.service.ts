import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DrawInputSchema } from '@tianlang/contracts';
import { runDraw, DRAW_ALGORITHM } from '@tianlang/core';
import type { Db } from '../../db/client';
import { registryDraws, registryEntities, registryTasks, users, type RegistryDrawRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import type { DeadlinesService } from '../deadlines/deadlines.service';
import { entityEvent } from './entity-store';
import { officersIn } from './officers';
import { TASK_SUBJECT } from './records.service';
import { entityWhere } from './registry.repo';
import { drawListItemView, drawView } from './registry.views';
import { scopeFilter } from '../auth/scope';

export const DRAW_SUBJECT = 'registry_draw';

/** 双随机: a seeded, recorded draw of entities and certified officers into inspection tasks. */
export function createDrawService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService; names: (ids: (string | null | undefined)[]) => Promise<Map<string, string>> }) {
  const { db, clock, deadlines } = deps;

  async function draw(user: AuthUser, input: z.infer<typeof DrawInputSchema>) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const where = await entityWhere(tx, user, { ...input.filter, status: input.filter.status ?? 'active' });
      const entityPool = (await tx.select({ id: registryEntities.id }).from(registryEntities).where(where)).map((r) => r.id);
      const officerPool = (await officersIn(tx, user, null)).map((o) => o.id);
      if (entityPool.length < input.entityCount || officerPool.length < input.officerCount) {
        throw new AppError('registry.draw_pool_too_small', `符合条件的对象 ${entityPool.length} 个、执法人员 ${officerPool.length} 名，不足抽取数量`, {
          details: { entityPool: entityPool.length, officerPool: officerPool.length },
        });
      }
      const seed = input.seed ?? randomBytes(16).toString('hex');
      const result = runDraw({ seed, entityPool, officerPool, entityCount: input.entityCount, officerCount: input.officerCount, perTask: input.officersPerTask });
      const [row] = await tx.insert(registryDraws).values({
        name: input.name, seed, algorithm: result.algorithm, filter: input.filter as Record<string, unknown>, jurisdictionPath: user.scopePath,
        entityPool: [...entityPool].sort(), officerPool: [...officerPool].sort(), poolDigest: result.poolDigest, entityIds: result.entityIds, officerIds: result.officerIds,
        params: { entityCount: input.entityCount, officerCount: input.officerCount, perTask: input.officersPerTask, days: input.days, unit: input.unit },
        createdBy: user.id, createdAt: at,
      }).returning();
      await appendEvent(tx, {
        subjectType: DRAW_SUBJECT, subjectId: row!.id, action: 'registry.draw_made', actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId,
        payload: { name: input.name, seed, algorithm: result.algorithm, poolDigest: result.poolDigest, entityIds: result.entityIds, officerIds: result.officerIds, filter: input.filter }, at,
      });
      const entities = await tx.select().from(registryEntities).where(inArray(registryEntities.id, result.entityIds)).for('update');
      for (const t of result.tasks) {
        const [task] = await tx.insert(registryTasks).values({ drawId: row!.id, entityId: t.entityId, officerIds: t.officerIds, createdAt: at, updatedAt: at }).returning();
        const d = await deadlines.start(tx, { subjectType: TASK_SUBJECT, subjectId: task!.id, kind: 'registry.task', unitId: user.unitId, jurisdictionId: user.jurisdictionId, amount: input.days, unit: input.unit, at });
        await tx.update(registryTasks).set({ dueAt: d.dueAt, deadlineStatus: d.status }).where(eq(registryTasks.id, task!.id));
        const entity = entities.find((e) => e.id === t.entityId)!;
        await entityEvent(tx, entity, user, 'registry.task_assigned', at, { payload: { drawId: row!.id, taskId: task!.id, officerIds: t.officerIds, dueAt: d.dueAt.toISOString() } });
      }
      return row!.id;
    });
  }

  /** Reruns a recorded draw from its seed and pools: anyone can check the result. */
  async function verify(user: AuthUser, id: string) {
    const row = await get(user, id);
    const r = runDraw({ seed: row.seed, entityPool: row.entityPool, officerPool: row.officerPool, entityCount: row.params.entityCount, officerCount: row.params.officerCount, perTask: row.params.perTask });
    const reproduced = row.algorithm === DRAW_ALGORITHM && r.poolDigest === row.poolDigest
      && JSON.stringify(r.entityIds) === JSON.stringify(row.entityIds) && JSON.stringify(r.officerIds) === JSON.stringify(row.officerIds);
    return { reproduced, entityIds: r.entityIds, officerIds: r.officerIds, poolDigest: r.poolDigest };
  }

  async function get(user: AuthUser, id: string): Promise<RegistryDrawRow> {
    const [row] = await db.select().from(registryDraws).where(and(eq(registryDraws.id, id), scopeFilter(user, registryDraws.jurisdictionPath)));
    if (!row) throw new AppError('resource.not_found', 'draw not found');
    return row;
  }

  async function list(user: AuthUser, limit: number, offset: number) {
    const where = scopeFilter(user, registryDraws.jurisdictionPath);
    const rows = await db.select({ d: registryDraws, createdByName: users.displayName }).from(registryDraws).leftJoin(users, eq(users.id, registryDraws.createdBy))
      .where(where).orderBy(desc(registryDraws.createdAt)).limit(limit).offset(offset);
    const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(registryDraws).where(where);
    return { rows, total: Number(c?.n ?? 0) };
  }

  const tasksOf = (drawId: string) => db.select({ t: registryTasks, entityName: registryEntities.name }).from(registryTasks)
    .innerJoin(registryEntities, eq(registryEntities.id, registryTasks.entityId)).where(eq(registryTasks.drawId, drawId));

  /** The draw as the page shows it. */
  async function view(user: AuthUser, id: string) {
    const d = await get(user, id);
    const tasks = await tasksOf(id);
    return drawView(d, tasks, await deps.names([d.createdBy, ...tasks.flatMap((t) => t.t.officerIds)]));
  }

  async function listView(user: AuthUser, limit: number, offset: number) {
    const { rows, total } = await list(user, limit, offset);
    return { total, items: rows.map(({ d, createdByName }) => drawListItemView(d, createdByName)) };
  }

  /** Open inspection tasks the user was drawn for, of entities in their jurisdiction, soonest due first. */
  async function openTasksOf(user: AuthUser, page: { limit: number; offset: number }) {
    const where = and(eq(registryTasks.state, 'open'), sql`${registryTasks.officerIds} @> ${JSON.stringify([user.id])}::jsonb`, scopeFilter(user, registryEntities.jurisdictionPath));
    const [rows, [c]] = await Promise.all([
      db.select({ t: registryTasks, entityName: registryEntities.name }).from(registryTasks).innerJoin(registryEntities, eq(registryEntities.id, registryTasks.entityId))
        .where(where).orderBy(sql`${registryTasks.dueAt} asc nulls last`, registryTasks.id).limit(page.limit).offset(page.offset),
      db.select({ n: sql<number>`count(*)::int` }).from(registryTasks).innerJoin(registryEntities, eq(registryEntities.id, registryTasks.entityId)).where(where),
    ]);
    return { rows, total: Number(c?.n ?? 0) };
  }

  return { draw, verify, get, list, tasksOf, view, listView, openTasksOf };
}
export type DrawService = ReturnType<typeof createDrawService>;
