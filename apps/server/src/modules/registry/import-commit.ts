import { and, eq, inArray } from 'drizzle-orm';
import type { EntityGrade } from '@tianlang/contracts';
import type { Queryable } from '../../db/client';
import { jurisdictions, registryEntities, type GradeHistoryEntry, type RegistryEntityRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { appendFirstEventsAsJson } from '../audit/events.service';
import { sql } from 'drizzle-orm';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { ENTITY_SUBJECT, entityEvent } from './entity-store';
import { searchColumns } from './entity-values';
import { scopeFilter, assertJurisdictionInScope } from '../auth/scope';

export interface PlannedRow {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  entityId: string;
  /** create: every column; update: the changed ones (plus name) */
  values: Record<string, unknown> & { name: string };
  before?: { grade: EntityGrade; status: string; jurisdictionId: string };
}

const CHUNK = 2000;

/** Writes an import's plan inside the caller's transaction: inserts in chunks, each entity with its first event. */
export async function applyPlan(tx: Queryable, user: AuthUser, plan: PlannedRow[], at: Date, batchId: string, onProgress: (n: number) => void) {
  const jIds = [...new Set(plan.flatMap((p) => (p.values.jurisdictionId ? [String(p.values.jurisdictionId)] : [])))];
  const paths = new Map((jIds.length ? await tx.select({ id: jurisdictions.id, path: jurisdictions.path }).from(jurisdictions).where(inArray(jurisdictions.id, jIds)) : [])
    .map((j) => [j.id, j.path]));
  const pathOf = (id: unknown) => {
    const p = paths.get(String(id));
    assertJurisdictionInScope(user, p);
    return p;
  };
  const creates = plan.filter((p) => p.action === 'create');
  const updates = plan.filter((p) => p.action === 'update');
  let done = 0;
  for (let i = 0; i < creates.length; i += CHUNK) {
    const chunk = creates.slice(i, i + CHUNK);
    const rows = chunk.map((p) => {
      const v = p.values as Record<string, any>;
      const history: GradeHistoryEntry[] = [{ grade: v.grade, from: null, reason: v.gradeReason ?? null, actorId: user.id, at: at.toISOString() }];
      return {
        id: p.entityId, name: v.name, type: v.type, url: v.url ?? null, canonicalUrl: v.canonicalUrl ?? null, icpNo: v.icpNo ?? null, appId: v.appId ?? null,
        accountId: v.accountId ?? null, platformName: v.platformName ?? null, operatorName: v.operatorName ?? null, contactEnc: v.contactEnc ?? null,
        contactMasked: v.contactMasked ?? null, jurisdictionId: v.jurisdictionId, jurisdictionPath: pathOf(v.jurisdictionId), grade: v.grade,
        gradeReason: v.gradeReason ?? null, gradeHistory: history, tags: v.tags ?? [], officerId: v.officerId ?? null, status: v.status ?? 'active',
        note: v.note ?? null, ...searchColumns({ name: v.name, operatorName: v.operatorName, platformName: v.platformName, canonicalUrl: v.canonicalUrl ?? null, icpNo: v.icpNo ?? null, appId: v.appId ?? null, accountId: v.accountId ?? null }),
        createdBy: user.id, createdAt: at, updatedAt: at,
      };
    });
    await insertEntities(tx, rows);
    await appendFirstEventsAsJson(tx, rows.map((r) => ({
      subjectType: ENTITY_SUBJECT, subjectId: r.id, action: 'registry.entity_created', actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId,
      toState: r.status, payload: { name: r.name, type: r.type, grade: r.grade, jurisdictionId: r.jurisdictionId, icpNo: r.icpNo, canonicalUrl: r.canonicalUrl, accountId: r.accountId, importId: batchId },
      batchId, at,
    })));
    done += chunk.length;
    onProgress(done);
  }
  for (const p of updates) {
    const [row] = await tx.select().from(registryEntities).where(and(eq(registryEntities.id, p.entityId), scopeFilter(user, registryEntities.jurisdictionPath))).for('update');
    if (!row) throw new AppError('registry.import_state', '台账在预览后已变化，请重新上传预览');
    await applyUpdate(tx, user, row, p, at, batchId, pathOf);
    if (++done % CHUNK === 0) onProgress(done);
  }
  onProgress(done);
  return { created: creates.length, updated: updates.length };
}

async function applyUpdate(tx: Queryable, user: AuthUser, row: RegistryEntityRow, p: PlannedRow, at: Date, batchId: string, pathOf: (id: unknown) => string) {
  const { name: _n, ...changed } = p.values as Record<string, any>;
  const set: Record<string, unknown> = { ...changed };
  if (p.values.name !== row.name) set.name = p.values.name;
  if (changed.jurisdictionId) set.jurisdictionPath = pathOf(changed.jurisdictionId);
  if (changed.grade) set.gradeHistory = [...row.gradeHistory, { grade: changed.grade, from: row.grade, reason: changed.gradeReason ?? null, actorId: user.id, at: at.toISOString() }];
  const next = { ...row, ...set } as RegistryEntityRow;
  Object.assign(set, searchColumns(next));
  await tx.update(registryEntities).set({ ...set, updatedAt: at }).where(eq(registryEntities.id, row.id));
  const fields = Object.keys(changed).filter((k) => !['contactEnc', 'grade', 'gradeReason', 'jurisdictionId', 'status'].includes(k));
  if (fields.length || changed.contactEnc !== undefined) {
    await entityEvent(tx, row, user, 'registry.entity_updated', at, { batchId, payload: { importId: batchId, changes: Object.fromEntries(fields.map((k) => [k, { from: (row as Record<string, unknown>)[k], to: changed[k] }])), contactChanged: changed.contactEnc !== undefined } });
  }
  if (changed.grade) await entityEvent(tx, row, user, 'registry.entity_graded', at, { batchId, reason: changed.gradeReason ?? '批量导入', payload: { from: row.grade, to: changed.grade, importId: batchId } });
  if (changed.jurisdictionId) await entityEvent(tx, row, user, 'registry.entity_moved', at, { batchId, reason: '批量导入', payload: { from: row.jurisdictionId, to: changed.jurisdictionId, importId: batchId } });
  if (changed.status) await entityEvent(tx, row, user, changed.status === 'closed' ? 'registry.entity_closed' : 'registry.entity_reopened', at, { batchId, reason: '批量导入', fromState: row.status, toState: changed.status });
}

/**
 * One statement per chunk with the rows as a single JSON parameter (jsonb_to_recordset): thousands
 * of bound parameters cost more to encode than the insert itself, on PGlite most of all.
 */
async function insertEntities(tx: Queryable, rows: Record<string, unknown>[]) {
  const json = JSON.stringify(rows.map((r) => ({ ...r, createdAt: (r.createdAt as Date).toISOString(), updatedAt: (r.updatedAt as Date).toISOString() })));
  await tx.execute(sql`insert into registry_entities (id, name, name_norm, type, url, canonical_url, icp_no, app_id, account_id, platform_name, operator_name,
      contact_enc, contact_masked, jurisdiction_id, jurisdiction_path, grade, grade_reason, grade_history, tags, officer_id, status, note, search_text,
      created_by, created_at, updated_at)
    select x."id", x."name", x."nameNorm", x."type"::entity_type, x."url", x."canonicalUrl", x."icpNo", x."appId", x."accountId", x."platformName", x."operatorName",
      x."contactEnc", x."contactMasked", x."jurisdictionId", x."jurisdictionPath", x."grade"::entity_grade, x."gradeReason", x."gradeHistory", x."tags", x."officerId",
      x."status"::entity_status, x."note", x."searchText", x."createdBy", x."createdAt", x."updatedAt"
    from jsonb_to_recordset(${json}::jsonb) as x("id" uuid, "name" text, "nameNorm" text, "type" text, "url" text, "canonicalUrl" text, "icpNo" text, "appId" text,
      "accountId" text, "platformName" text, "operatorName" text, "contactEnc" text, "contactMasked" text, "jurisdictionId" uuid, "jurisdictionPath" text,
      "grade" text, "gradeReason" text, "gradeHistory" jsonb, "tags" jsonb, "officerId" uuid, "status" text, "note" text, "searchText" text, "createdBy" uuid,
      "createdAt" timestamptz, "updatedAt" timestamptz)`);
}
