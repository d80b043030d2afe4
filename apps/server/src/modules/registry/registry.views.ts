import type { z } from 'zod';
import type { DrawListSchema, DrawViewSchema, EntityListItem, EntityView } from '@tianlang/contracts';
import { canGradeAtLevel } from '@tianlang/core';
import type { RegistryDrawRow, RegistryEntityRow, RegistryTaskRow } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';
import type { ListRow } from './registry.repo';
import { isoOrNull } from '../../lib/iso';


export function entityListItemView(r: ListRow): EntityListItem {
  const e = r.e;
  return {
    id: e.id, name: e.name, type: e.type, url: e.url, icpNo: e.icpNo, appId: e.appId, accountId: e.accountId, platformName: e.platformName,
    operatorName: e.operatorName, jurisdictionId: e.jurisdictionId, jurisdictionName: r.jurisdictionName, grade: e.grade, status: e.status,
    tags: e.tags, officerId: e.officerId, officerName: r.officerName, updatedAt: e.updatedAt.toISOString(),
  };
}

export function allowedActions(user: AuthUser, row: RegistryEntityRow, level: string): EntityView['allowedActions'] {
  const p = user.permissions;
  const out: EntityView['allowedActions'] = [];
  const manage = p.has('registry.manage');
  if (manage && row.status === 'active') out.push('edit', 'record');
  if (p.has('registry.grade') && canGradeAtLevel(level)) out.push('grade', 'move');
  if (manage) out.push(row.status === 'active' ? 'close' : 'reopen');
  if (p.has('registry.contact_reveal') && row.contactEnc) out.push('reveal_contact');
  return out;
}

export function entityView(row: RegistryEntityRow, x: { jurisdictionName: string; officerName: string | null; names: Map<string, string>; allowed: EntityView['allowedActions'] }): EntityView {
  return {
    id: row.id, name: row.name, type: row.type, url: row.url, icpNo: row.icpNo, appId: row.appId, accountId: row.accountId,
    platformName: row.platformName, operatorName: row.operatorName, jurisdictionId: row.jurisdictionId, jurisdictionName: x.jurisdictionName,
    grade: row.grade, status: row.status, tags: row.tags, officerId: row.officerId, officerName: x.officerName,
    updatedAt: row.updatedAt.toISOString(), canonicalUrl: row.canonicalUrl, gradeReason: row.gradeReason,
    gradeHistory: row.gradeHistory.map((h) => ({ grade: h.grade, from: h.from, reason: h.reason, actorName: h.actorId ? x.names.get(h.actorId) ?? null : null, at: h.at })),
    contactMasked: row.contactMasked, filings: row.filings, location: row.location, note: row.note, createdAt: row.createdAt.toISOString(),
    allowedActions: x.allowed,
  };
}
/** A draw in the list: its pools as counts, not the ids. */
export function drawListItemView(d: RegistryDrawRow, createdByName: string | null): z.infer<typeof DrawListSchema>['items'][number] {
  return {
    id: d.id, name: d.name, seed: d.seed, algorithm: d.algorithm, filter: d.filter, entityPool: d.entityPool.length, officerPool: d.officerPool.length,
    poolDigest: d.poolDigest, createdByName, createdAt: d.createdAt.toISOString(),
  };
}

/** A draw with its result and tasks; `names` holds the display names of the creator and the tasks' officers. */
export function drawView(d: RegistryDrawRow, tasks: { t: RegistryTaskRow; entityName: string }[], names: Map<string, string>): z.infer<typeof DrawViewSchema> {
  return {
    id: d.id, name: d.name, seed: d.seed, algorithm: d.algorithm, filter: d.filter, entityPool: d.entityPool.length, officerPool: d.officerPool.length,
    poolDigest: d.poolDigest, entityIds: d.entityIds, officerIds: d.officerIds, createdByName: names.get(d.createdBy) ?? null, createdAt: d.createdAt.toISOString(),
    tasks: tasks.map(({ t, entityName }) => ({
      id: t.id, drawId: t.drawId, entityId: t.entityId, entityName, officers: t.officerIds.map((o) => ({ id: o, name: names.get(o) ?? '' })), state: t.state,
      dueAt: t.dueAt?.toISOString() ?? null, deadlineStatus: t.deadlineStatus, inspectionId: t.inspectionId,
    })),
  };
}

