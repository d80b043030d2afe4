import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { InspectionInputSchema, InterviewInputSchema, PledgeInputSchema, RectificationInputSchema, RectificationSource } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import {
  registryInspections, registryInterviews, registryPledges, registryTasks,
  type RegistryEntityRow,
} from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, assertThat } from '../../lib/errors';
import type { AuthUser } from '../auth/auth.types';
import { DeferSweep, type DeadlinesService } from '../deadlines/deadlines.service';
import type { FilesService } from '../files/files.service';
import type { RectificationsService } from '../rectifications/rectifications.service';
import { entityEvent, findEntity } from './entity-store';
import { assertOpen } from './entities.service';
import { assertCertified } from './officers';
import { entityRefOf, entityRefViews } from './entity-ref';
import { RECTIFICATION_SOURCE_TYPES, REGISTRY_SOURCES } from './registry-rectifications';

export const TASK_SUBJECT = 'registry_task';

/** Owner reference of a registry file: lets the entity page serve it and keeps cleanup away. */
export const fileOwner = (entityId: string, kind: string, id: string) => `registry_entity:${entityId}:${kind}:${id}`;

/** 承诺书, 实地检查, 约谈 and their rectification items; each on the entity's event chain. */
export function createRecordsService(deps: { db: Db; clock: Clock; deadlines: DeadlinesService; files: FilesService; rectifications: RectificationsService }) {
  const { db, clock, deadlines, files, rectifications } = deps;

  /** Claims an upload of the files module for a registry record, in the caller's transaction. */
  async function claimFile(tx: Queryable, token: string | undefined, owner: string) {
    if (!token) return null;
    const row = await files.claimFor(tx, token, owner);
    if (!row) throw new AppError('registry.file_unknown', '上传的文件不存在、已过期或已被使用');
    return row;
  }

  /** The inspection's or interview's rectification items, in the rectifications module, scoped by the entity. */
  const openRectifications = (tx: Queryable, user: AuthUser, entity: RegistryEntityRow, source: RectificationSource, sourceId: string,
    items: z.infer<typeof RectificationInputSchema>[], at: Date) => rectifications.open(tx, user, {
    sourceType: RECTIFICATION_SOURCE_TYPES[source], sourceId, entityId: entity.id, jurisdiction: { id: entity.jurisdictionId, path: entity.jurisdictionPath }, items, at,
  });

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

  /** The closing follow-up of a registry item (rectified or not); the entity's chain notes it. Returns the entity's id. */
  async function followUp(user: AuthUser, rectificationId: string, result: 'rectified' | 'not_rectified', note: string) {
    return (await rectifications.close(user, rectificationId, result, note, { only: REGISTRY_SOURCES })).entityId!;
  }

  /** An interim follow-up (整改进展): the item stays open. Returns the entity's id. */
  async function progress(user: AuthUser, rectificationId: string, note: string) {
    return (await rectifications.followUp(user, rectificationId, note, { only: REGISTRY_SOURCES })).entityId!;
  }

  /** Keeps the task's copy of its clock status current when the sweep moves it (rectification items: their module). */
  deadlines.onStatusChange(async (tx, d, status) => {
    if (d.subjectType !== TASK_SUBJECT) return;
    const free = await tx.select({ id: registryTasks.id }).from(registryTasks).where(eq(registryTasks.id, d.subjectId)).for('update', { skipLocked: true });
    if (free.length === 0) throw new DeferSweep(`${d.subjectType} ${d.subjectId} is busy`);
    await tx.update(registryTasks).set({ deadlineStatus: status }).where(eq(registryTasks.id, d.subjectId));
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
    const { rows, total } = await rectifications.overdue(user, page, REGISTRY_SOURCES);
    const entities = await entityRefViews(db, user.scopePath, rows.map((r) => r.entityId));
    return { total, rows: rows.map((r) => ({ r, entityName: entityRefOf(entities, r.entityId)?.name ?? '' })) };
  }

  return { pledge, inspection, interview, followUp, progress, file, claimFile, filesById: files.rows.byIds, overdueRectifications };
}
export type RecordsService = ReturnType<typeof createRecordsService>;

