import { eq, sql } from 'drizzle-orm';
import type { EntityInput, EntityUpdate, EntityGrade, EntityStatus } from '@tianlang/contracts';
import { checkGradeChange, checkStatusChange, RegistryRuleError } from '@tianlang/core';
import type { Db, Queryable } from '../../db/client';
import { registryEntities, type GradeHistoryEntry, type RegistryEntityRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';
import type { AuthUser } from '../auth/auth.types';
import type { RectificationsService } from '../rectifications/rectifications.service';
import { entityEvent, findEntity, scopedJurisdiction, userLevel } from './entity-store';
import { identifiersOrThrow, norm, sealContact, searchColumns } from './entity-values';
import { findDuplicates, visibleDuplicates } from './registry.repo';
import { assertOfficer } from './officers';
import { reportIdsOfEntity } from '../reports/entity-cases.service';
import { markFactsStale } from '../stats/stale-facts.service';

const ruleError = (err: unknown) => {
  if (err instanceof RegistryRuleError) {
    const code = err.code === 'level_too_low' ? 'registry.grade_forbidden' : 'registry.invalid_transition';
    return new AppError(code, err.message);
  }
  return err;
};

/** Fields an update may change, with their event payload (old → new, contacts never in clear). */
const TRACKED: (keyof EntityUpdate & keyof RegistryEntityRow)[] = ['name', 'url', 'icpNo', 'appId', 'accountId', 'platformName', 'operatorName', 'tags', 'officerId', 'filings', 'location', 'note'];

/** Create, edit, grade, move, close/reopen and contact reveal: each one transaction with its event. */
export function createEntitiesService(deps: { db: Db; clock: Clock; secrets: Secrets; rectifications: RectificationsService }) {
  const { db, clock, secrets, rectifications } = deps;

  /** Unique-index violations (two users racing for one ICP number) become registry.duplicate. */
  const duplicateOnConflict = async <T>(fn: () => Promise<T>): Promise<T> => {
    try { return await fn(); } catch (err) {
      const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
      if (code === '23505') throw new AppError('registry.duplicate', '台账中已有相同的备案号、网址、应用标识或账号');
      throw err;
    }
  };

  async function create(user: AuthUser, input: EntityInput) {
    const ids = identifiersOrThrow(input);
    const tags = [...new Set(input.tags.map((t) => norm(t)))];
    return duplicateOnConflict(() => db.transaction(async (tx) => {
      const at = clock.now();
      const j = await scopedJurisdiction(tx, user, input.jurisdictionId ?? user.jurisdictionId);
      if (input.officerId) await assertOfficer(tx, user, input.officerId, 'officerId');
      const dups = visibleDuplicates(user.scopePath, await findDuplicates(tx, { ...ids, type: input.type, name: input.name, scopePath: user.scopePath }));
      const hard = dups.filter((d) => d.reasons.some((r) => r !== 'similar_name'));
      if (hard.length) {
        throw new AppError('registry.duplicate', '台账中已有相同的备案号、网址、应用标识或账号', {
          details: { duplicates: hard.map((d) => ({ id: d.id, reasons: d.reasons })) },
        });
      }
      if (dups.length && !input.confirmDuplicates) {
        throw new AppError('registry.duplicate', '有名称相似的对象，请确认不是同一对象后再创建（confirmDuplicates）', {
          details: { duplicates: dups.map((d) => ({ id: d.id, reasons: d.reasons, similarity: d.similarity })) },
        });
      }
      const history: GradeHistoryEntry[] = [{ grade: input.grade, from: null, reason: input.gradeReason ?? null, actorId: user.id, at: at.toISOString() }];
      const [row] = await tx.insert(registryEntities).values({
        name: input.name, type: input.type, url: input.url ?? null, ...ids, platformName: input.platformName ?? null,
        operatorName: input.operatorName ?? null, ...sealContact(secrets, input.operatorContact), jurisdictionId: j.id, jurisdictionPath: j.path,
        grade: input.grade, gradeReason: input.gradeReason ?? null, gradeHistory: history, tags, officerId: input.officerId ?? null,
        filings: input.filings, location: input.location ?? null, note: input.note ?? null,
        ...searchColumns({ ...ids, name: input.name, operatorName: input.operatorName, platformName: input.platformName }),
        createdBy: user.id, createdAt: at, updatedAt: at,
      }).returning();
      await entityEvent(tx, row!, user, 'registry.entity_created', at, {
        fromState: undefined, toState: 'active',
        payload: { name: row!.name, type: row!.type, grade: row!.grade, jurisdictionId: j.id, icpNo: row!.icpNo, canonicalUrl: row!.canonicalUrl, accountId: row!.accountId },
      });
      return row!;
    }));
  }

  async function update(user: AuthUser, id: string, input: EntityUpdate) {
    return duplicateOnConflict(() => db.transaction(async (tx) => {
      const at = clock.now();
      const row = await findEntity(tx, id, user, true);
      assertOpen(row);
      const merged = {
        type: row.type,
        url: input.url !== undefined ? input.url : row.url,
        icpNo: input.icpNo !== undefined ? input.icpNo : row.icpNo,
        appId: input.appId !== undefined ? input.appId : row.appId,
        accountId: input.accountId !== undefined ? input.accountId : row.accountId,
      };
      const ids = identifiersOrThrow(merged);
      if (input.officerId) await assertOfficer(tx, user, input.officerId, 'officerId');
      const set: Partial<RegistryEntityRow> = { ...ids, url: merged.url };
      for (const k of TRACKED) if (input[k] !== undefined && k !== 'url' && k !== 'icpNo' && k !== 'appId' && k !== 'accountId') (set as Record<string, unknown>)[k] = input[k];
      if (input.tags) set.tags = [...new Set(input.tags.map((t) => norm(t)))];
      if (input.operatorContact !== undefined) Object.assign(set, sealContact(secrets, input.operatorContact));
      const next = { ...row, ...set };
      Object.assign(set, searchColumns({ ...ids, name: next.name, operatorName: next.operatorName, platformName: next.platformName }));
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of [...TRACKED, 'canonicalUrl'] as (keyof RegistryEntityRow)[]) {
        if (JSON.stringify(row[k]) !== JSON.stringify(next[k])) changes[k] = { from: row[k], to: next[k] };
      }
      if (input.operatorContact !== undefined) changes.operatorContact = { from: row.contactMasked, to: next.contactMasked };
      if (Object.keys(changes).length === 0) return row;
      const [updated] = await tx.update(registryEntities).set({ ...set, updatedAt: at }).where(eq(registryEntities.id, id)).returning();
      await entityEvent(tx, row, user, 'registry.entity_updated', at, { reason: input.reason, payload: { changes } });
      return updated!;
    }));
  }

  async function grade(user: AuthUser, id: string, to: EntityGrade, reason: string) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const row = await findEntity(tx, id, user, true);
      try { checkGradeChange(row.grade, to, reason, await userLevel(tx, user)); } catch (err) { throw ruleError(err); }
      const history = [...row.gradeHistory, { grade: to, from: row.grade, reason, actorId: user.id, at: at.toISOString() }];
      const [updated] = await tx.update(registryEntities).set({ grade: to, gradeReason: reason, gradeHistory: history, updatedAt: at }).where(eq(registryEntities.id, id)).returning();
      await entityEvent(tx, row, user, 'registry.entity_graded', at, { reason, payload: { from: row.grade, to } });
      // the statistics break reports down by their entity's current grade: re-read those reports' facts
      await markFactsStale(tx, reportIdsOfEntity(id));
      return updated!;
    });
  }

  async function move(user: AuthUser, id: string, jurisdictionId: string, reason: string) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const row = await findEntity(tx, id, user, true);
      const target = await scopedJurisdiction(tx, user, jurisdictionId);
      if (target.id === row.jurisdictionId) throw new AppError('registry.invalid_transition', '对象已在该属地');
      const [updated] = await tx.update(registryEntities).set({ jurisdictionId: target.id, jurisdictionPath: target.path, updatedAt: at }).where(eq(registryEntities.id, id)).returning();
      await rectifications.followEntity(tx, id, target);
      await entityEvent(tx, row, user, 'registry.entity_moved', at, { reason, payload: { from: row.jurisdictionId, to: target.id, toName: target.name } });
      return updated!;
    });
  }

  async function setStatus(user: AuthUser, id: string, to: EntityStatus, reason: string) {
    return db.transaction(async (tx) => {
      const at = clock.now();
      const row = await findEntity(tx, id, user, true);
      let action: string;
      try { action = checkStatusChange(row.status, to); } catch (err) { throw ruleError(err); }
      const [updated] = await tx.update(registryEntities).set({ status: to, updatedAt: at }).where(eq(registryEntities.id, id)).returning();
      await entityEvent(tx, row, user, action, at, { reason, fromState: row.status, toState: to });
      return updated!;
    });
  }

  async function revealContact(user: AuthUser, id: string) {
    return db.transaction(async (tx) => {
      const row = await findEntity(tx, id, user, true);
      if (!row.contactEnc) return { person: null, phone: null, email: null };
      const c = JSON.parse(secrets.open(row.contactEnc)) as { person?: string; phone?: string; email?: string };
      await entityEvent(tx, row, user, 'registry.contact_revealed', clock.now(), { payload: { fields: Object.keys(c) } });
      return { person: c.person ?? null, phone: c.phone ?? null, email: c.email ?? null };
    });
  }

  return { create, update, grade, move, setStatus, revealContact, get: (user: AuthUser, id: string, q: Queryable = db) => findEntity(q, id, user) };
}
export type EntitiesService = ReturnType<typeof createEntitiesService>;

export function assertOpen(row: RegistryEntityRow) {
  if (row.status === 'closed') throw new AppError('registry.invalid_transition', '对象已关停，请先恢复');
}
