import type { EntityListItem, EntityView } from '@tianlang/contracts';
import { canGradeAtLevel } from '@tianlang/core';
import type { RegistryEntityRow } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';
import type { ListRow } from './registry.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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
export { iso };
