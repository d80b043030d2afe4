import { and, asc, count, eq } from 'drizzle-orm';
import { scopeFilter } from '../auth/scope';
import type { z } from 'zod';
import type { InspectionInputSchema, InterviewInputSchema, PledgeInputSchema, RectificationInputSchema } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import {
  registryEntities, registryInspections, registryInterviews, registryPledges, registryRectifications, registryTasks,
  type RegistryEntityRow,
} from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, assertThat } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import { DeferSweep, type DeadlinesService } from '../deadlines/deadlines.service';
import type { FilesService } from '../files/files.service';
import { entityEvent, findEntity } from './entity-store';
import { assertOpen } from './entities.service';
import { assertCertified } from './officers';

export const RECTIFICATION_SUBJECT = 'registry_rectification';
export const TASK_SUBJECT = 'registry_task';

/** Owner reference of a registry file: lets the entity page serve it and keeps cleanup away. */
export const fileOwner = (entityId: string, kind: string, id: string) => `registry_entity:${entityId}:${kind}:${id}`;

/** 承诺书, 实地检查, 约谈 and their rectification items; each on the entity's event chain. */
export function createRecordsService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService; files: FilesService }) {
  const { db, clock, deadlines, files } = deps;

  /** Claims an upload of the files module for a registry record, in the caller's transaction. */
  async function claimFile(tx: Queryable, token: string | undefined, owner: string) {
    if (!token) return null;
    const row = await files.claimFor(tx, token, owner);
    if (!row) throw new AppError('registry.file_unknown', '上传的文件不存在、已过期或已被使用');
    return row;
  }

  async function openRectifications(tx: Queryable, user: AuthUser, entity: RegistryEntityRow, source: 'inspection' | 'interview', sourceId: string,
    items: z.infer<typeof RectificationInputSchema>[], at: Date) {
    const out = [];
    for (const item of items) {
      const [r] = await tx.insert(registryRectifications).values({ entityId: entity.id, source, sourceId, description: item.description, createdAt: at }).returning();
      const d = await deadlines.start(tx, { subjectType: RECTIFICATION_SUBJECT, subjectId: r!.id, kind: 'registry.rectification', unitId: user.unitId, jurisdictionId: user.jurisdictionId, amount: item.days, unit: item.unit, at });
      await tx.update(registryRectifications).set({ dueAt: d.dueAt, deadlineStatus: d.status }).where(eq(registryRectifications.id, r!.id));
      out.push({ id: r!.id, dueAt: d.dueAt.toISOString() });
    }
    return out;
  }

  async function pledge(user: AuthUser, entityId: string, input: z.infer<typeof PledgeInputSchema>) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const entity = await findEntity(tx, entityId, user, true);
      assertOpen(entity);
      const [row] = await tx.insert(registryPledges).values({ entityId, signedOn: input.signedOn, signer: input.signer ?? null, note: input.note ?? null, createdBy: user.id, createdAt: at }).returning();
      const file = await claimFile(tx, input.fileToken, fileOwner(entityId, 'pledge', row!.id));
      if (file) await tx.update(registryPledges).set({ fileId: file.id }).where(eq(registryPledges.id, row!.id));
      await entityEvent(tx, entity, user, 'registry.pledge_recorded', at, { payload: { pledgeId: row!.id, signedOn: input.signedOn, fileSha256: file?.sha256 ?? null } });
      return row!.id;
    });
  }

  async function inspection(user: AuthUser, entityId: string, input: z.infer<typeof InspectionInputSchema>) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const entity = await findEntity(tx, entityId, user, true);
      assertOpen(entity);
      await assertCertified(tx, user, input.officerIds);
      const [row] = await tx.insert(registryInspections).values({
        entityId, inspectedOn: input.inspectedOn, officerIds: [...new Set(input.officerIds)], findings: input.findings, taskId: input.taskId ?? null, createdBy: user.id, createdAt: at,
      }).returning();
      if (input.taskId) {
        const [task] = await tx.select().from(registryTasks).where(and(eq(registryTasks.id, input.taskId), eq(registryTasks.entityId, entityId))).for('update');
        assertThat(task && task.state === 'open', 'registry.invalid_transition', '检查任务不存在、不属于该对象或已完成');
        await tx.update(registryTasks).set({ state: 'done', inspectionId: row!.id, updatedAt: at }).where(eq(registryTasks.id, task.id));
        const d = await deadlines.running(tx, TASK_SUBJECT, task.id, 'registry.task');
        if (d) await deadlines.step(tx, d.id, 'met', at, { actorId: user.id });
      }
      const file = await claimFile(tx, input.fileToken, fileOwner(entityId, 'inspection', row!.id));
      if (file) await tx.update(registryInspections).set({ fileId: file.id }).where(eq(registryInspections.id, row!.id));
      const rect = await openRectifications(tx, user, entity, 'inspection', row!.id, input.rectifications, at);
      await entityEvent(tx, entity, user, 'registry.inspection_recorded', at, {
        payload: { inspectionId: row!.id, inspectedOn: input.inspectedOn, officerIds: row!.officerIds, taskId: input.taskId ?? null, rectifications: rect, fileSha256: file?.sha256 ?? null },
      });
      return row!.id;
    });
  }

  async function interview(user: AuthUser, entityId: string, input: z.infer<typeof InterviewInputSchema>) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const entity = await findEntity(tx, entityId, user, true);
      assertOpen(entity);
      await assertCertified(tx, user, input.officerIds);
      const [row] = await tx.insert(registryInterviews).values({
        entityId, heldOn: input.heldOn, grounds: input.grounds, persons: input.persons, officerIds: [...new Set(input.officerIds)], createdBy: user.id, createdAt: at,
      }).returning();
      const file = await claimFile(tx, input.recordFileToken, fileOwner(entityId, 'interview', row!.id));
      if (file) await tx.update(registryInterviews).set({ recordFileId: file.id }).where(eq(registryInterviews.id, row!.id));
      const rect = await openRectifications(tx, user, entity, 'interview', row!.id, input.rectifications, at);
      await entityEvent(tx, entity, user, 'registry.interview_recorded', at, {
        reason: input.grounds, payload: { interviewId: row!.id, heldOn: input.heldOn, officerIds: row!.officerIds, persons: input.persons.length, rectifications: rect, fileSha256: file?.sha256 ?? null },
      });
      return row!.id;
    });
  }

  async function followUp(user: AuthUser, rectificationId: string, result: 'rectified' | 'not_rectified', note: string) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const [r] = await tx.select().from(registryRectifications).where(eq(registryRectifications.id, rectificationId)).for('update');
      if (!r) throw new AppError('resource.not_found', 'rectification not found');
      const entity = await findEntity(tx, r.entityId, user, true);
      assertThat(r.state === 'open', 'registry.invalid_transition', '该整改事项已有跟踪结果');
      const d = await deadlines.running(tx, RECTIFICATION_SUBJECT, r.id, 'registry.rectification');
      const late = !!d && d.dueAt < at;
      if (d) await deadlines.step(tx, d.id, result === 'rectified' ? 'met' : 'cancel', at, { actorId: user.id, reason: note });
      await tx.update(registryRectifications).set({ state: result, followUp: note, followedUpBy: user.id, followedUpAt: at, deadlineStatus: null })
        .where(eq(registryRectifications.id, r.id));
      await entityEvent(tx, entity, user, 'registry.rectification_followed_up', at, { reason: note, payload: { rectificationId: r.id, source: r.source, sourceId: r.sourceId, result, late } });
      return entity.id;
    });
  }

  /** Keeps the rectification's and task's copies of their clock status current when the sweep moves them. */
  deadlines.onStatusChange(async (tx, d, status) => {
    const table = d.subjectType === RECTIFICATION_SUBJECT ? registryRectifications : d.subjectType === TASK_SUBJECT ? registryTasks : null;
    if (!table) return;
    const free = await tx.select({ id: table.id }).from(table).where(eq(table.id, d.subjectId)).for('update', { skipLocked: true });
    if (free.length === 0) throw new DeferSweep(`${d.subjectType} ${d.subjectId} is busy`);
    await tx.update(table).set({ deadlineStatus: status }).where(eq(table.id, d.subjectId));
  });

  /** A file of one of the entity's records (scope-checked by the entity). */
  async function file(user: AuthUser, entityId: string, fileId: string) {
    await findEntity(db, entityId, user);
    const row = await files.rows.byId(fileId);
    if (!row || !row.attachedTo?.startsWith(`registry_entity:${entityId}:`)) throw new AppError('resource.not_found', 'file not found');
    return row;
  }

  /** Open rectification items past their deadline, of entities in the user's jurisdiction, the longest overdue first. */
  async function overdueRectifications(user: AuthUser, page: { limit: number; offset: number }) {
    const where = and(eq(registryRectifications.state, 'open'), eq(registryRectifications.deadlineStatus, 'overdue'), scopeFilter(user, registryEntities.jurisdictionPath));
    const from = () => db.select({ r: registryRectifications, entityName: registryEntities.name }).from(registryRectifications)
      .innerJoin(registryEntities, eq(registryEntities.id, registryRectifications.entityId));
    const [rows, [c]] = await Promise.all([
      from().where(where).orderBy(asc(registryRectifications.dueAt), asc(registryRectifications.id)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(registryRectifications).innerJoin(registryEntities, eq(registryEntities.id, registryRectifications.entityId)).where(where),
    ]);
    return { rows, total: c?.n ?? 0 };
  }

  return { pledge, inspection, interview, followUp, file, claimFile, filesById: files.rows.byIds, overdueRectifications };
}
export type RecordsService = ReturnType<typeof createRecordsService>;
