import { desc, eq, inArray } from 'drizzle-orm';
import type { EntityPage } from '@tianlang/contracts';
import type { Db } from '../../db/client';
import {
  jurisdictions, registryInspections, registryInterviews, registryPledges,
  registryTasks, users, type FileUploadRow,
} from '../../db/schema';
import { eventsOf } from '../audit/history.service';
import { casesOfEntity } from '../reports/entity-cases.service';
import type { AuthUser } from '../auth/auth.types';
import type { RectificationsService } from '../rectifications/rectifications.service';
import { ENTITY_SUBJECT, findEntity, userLevel } from './entity-store';
import type { RecordsService } from './records.service';
import { RECTIFICATION_SUBJECT, rectView } from './registry-rectifications';
import { allowedActions, entityView } from './registry.views';
import { computeScorecard } from './scorecard';
import { isoOrNull } from '../../lib/iso';

const TIMELINE_MAX = 300;

/** The entity page: the entity, its records, linked reports and orders, one timeline and the scorecard. */
export function createPageService(deps: { db: Db; records: RecordsService; rectifications: RectificationsService }) {
  const { db, records, rectifications } = deps;

  async function names(ids: (string | null | undefined)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map<string, string>();
    return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list))).map((u) => [u.id, u.name]));
  }

  async function view(user: AuthUser, id: string) {
    const row = await findEntity(db, id, user);
    const [j] = await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.id, row.jurisdictionId));
    const n = await names([row.officerId, ...row.gradeHistory.map((h) => h.actorId)]);
    return entityView(row, { jurisdictionName: j?.name ?? '', officerName: row.officerId ? n.get(row.officerId) ?? null : null, names: n, allowed: allowedActions(user, row, await userLevel(db, user)) });
  }

  async function page(user: AuthUser, id: string, now: Date): Promise<EntityPage> {
    const entity = await view(user, id);
    const [pledges, inspections, interviews, rects, tasks, cases] = await Promise.all([
      db.select().from(registryPledges).where(eq(registryPledges.entityId, id)).orderBy(desc(registryPledges.signedOn)),
      db.select().from(registryInspections).where(eq(registryInspections.entityId, id)).orderBy(desc(registryInspections.inspectedOn)),
      db.select().from(registryInterviews).where(eq(registryInterviews.entityId, id)).orderBy(desc(registryInterviews.heldOn)),
      rectifications.forEntity(db, id),
      db.select().from(registryTasks).where(eq(registryTasks.entityId, id)).orderBy(desc(registryTasks.createdAt)),
      casesOfEntity(db, id),
    ]);
    const { linked, disposals, orders } = cases;
    const fileIds = [...pledges.map((p) => p.fileId), ...inspections.map((i) => i.fileId), ...interviews.map((i) => i.recordFileId)].filter((x): x is string => !!x);
    const files = new Map((await records.filesById(fileIds)).map((f) => [f.id, f]));
    const people = await names([...pledges.map((p) => p.createdBy), ...inspections.flatMap((i) => [i.createdBy, ...i.officerIds]),
      ...interviews.flatMap((i) => [i.createdBy, ...i.officerIds]), ...tasks.flatMap((t) => t.officerIds), ...rects.flatMap((r) => r.followUps.map((f) => f.actorId))]);
    const fileRef = (fid: string | null) => { const f = fid ? files.get(fid) : undefined; return f ? fileView(f) : null; };
    const officers = (ids: string[]) => ids.map((o) => ({ id: o, name: people.get(o) ?? '' }));
    const rectOf = (sourceId: string) => rects.filter((r) => r.sourceId === sourceId).map((r) => rectView(r, people));

    return {
      entity,
      counts: {
        reports: linked.length, disposals: disposals.length, orders: orders.length, pledges: pledges.length, inspections: inspections.length,
        interviews: interviews.length, openRectifications: rects.filter((r) => r.state === 'open').length, openTasks: tasks.filter((t) => t.state === 'open').length,
      },
      scorecard: computeScorecard({ orders, disposals, rectifications: rects, now }),
      pledges: pledges.map((p) => ({ id: p.id, entityId: p.entityId, signedOn: p.signedOn, signer: p.signer, note: p.note, file: fileRef(p.fileId), createdByName: people.get(p.createdBy) ?? null, createdAt: p.createdAt.toISOString() })),
      inspections: inspections.map((i) => ({ id: i.id, entityId: i.entityId, inspectedOn: i.inspectedOn, officers: officers(i.officerIds), findings: i.findings, taskId: i.taskId, file: fileRef(i.fileId), rectifications: rectOf(i.id), createdByName: people.get(i.createdBy) ?? null, createdAt: i.createdAt.toISOString() })),
      interviews: interviews.map((i) => ({ id: i.id, entityId: i.entityId, heldOn: i.heldOn, grounds: i.grounds, persons: i.persons, officers: officers(i.officerIds), recordFile: fileRef(i.recordFileId), rectifications: rectOf(i.id), createdByName: people.get(i.createdBy) ?? null, createdAt: i.createdAt.toISOString() })),
      tasks: tasks.map((t) => ({ id: t.id, drawId: t.drawId, entityId: t.entityId, entityName: entity.name, officers: officers(t.officerIds), state: t.state, dueAt: isoOrNull(t.dueAt), deadlineStatus: t.deadlineStatus, inspectionId: t.inspectionId })),
      reports: linked.map((r) => ({ id: r.id, trackingNo: r.trackingNo, state: r.state, categoryCode: r.categoryCode, submittedAt: r.submittedAt.toISOString() })),
      timeline: await timeline(id, linked, orders.map((o) => ({ id: o.id, orderNo: o.orderNo })), rects.map((r) => r.id), tasks.map((t) => t.id)),
    };
  }

  /** Events of the entity, its linked reports, their orders, its rectifications and tasks, newest first. */
  async function timeline(id: string, linked: { id: string; trackingNo: string }[], orders: { id: string; orderNo: string }[], rectIds: string[], taskIds: string[]) {
    const subjects: [string, string[]][] = [[ENTITY_SUBJECT, [id]], ['report', linked.map((r) => r.id)], ['order', orders.map((o) => o.id)],
      [RECTIFICATION_SUBJECT, rectIds], ['registry_task', taskIds]];
    const found = await eventsOf(db, subjects.map(([type, ids]) => ({ type, ids })), { newestFirst: true, limit: TIMELINE_MAX });
    const actors = await names(found.map((e) => e.actorId));
    const rows = found.map((e) => ({ e, actorName: e.actorId ? actors.get(e.actorId) ?? null : null }));
    const refs = new Map<string, string>([...linked.map((r) => [r.id, r.trackingNo] as const), ...orders.map((o) => [o.id, o.orderNo] as const)]);
    const source = (t: string) => (t === ENTITY_SUBJECT ? 'entity' : t === RECTIFICATION_SUBJECT ? 'rectification' : t === 'registry_task' ? 'task' : t) as 'entity' | 'report' | 'order' | 'rectification' | 'task';
    return rows.map(({ e, actorName }) => ({
      at: e.createdAt.toISOString(), source: source(e.subjectType), subjectId: e.subjectId, action: e.action, actorName, reason: e.reason,
      payload: e.payload, ref: refs.get(e.subjectId) ?? null,
    }));
  }

  return { view, page, names };
}
export type PageService = ReturnType<typeof createPageService>;

export const fileView = (f: FileUploadRow) => ({ id: f.id, mime: f.mime, size: f.size, sha256: f.sha256, filename: f.filename });
