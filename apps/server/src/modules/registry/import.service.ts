import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { ImportProblem, ImportView } from '@tianlang/contracts';
import type { Db, Queryable } from '../../db/client';
import { jurisdictions, registryEntities, registryImports, type RegistryEntityRow, type RegistryImportRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { loggableError } from '../../lib/error-log';
import { checkDeclaredSizes, XlsxError, type XlsxReadOptions } from '../../lib/xlsx/read-xlsx';
import type { Secrets } from '../../lib/secrets';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { sanitizeFilename } from '../files/files.service';
import { norm, sealContact } from './entity-values';
import { userLevel } from './entity-store';
import { canGradeAtLevel } from '@tianlang/core';
import { checkRow, type CheckedRow, type RowContext } from './import-rows';
import { readRegistrySheet } from './import-xlsx';
import { applyPlan, type PlannedRow } from './import-commit';
import { scopeFilter, inScope } from '../auth/scope';
import { holdersOf } from '../users/users.service';

export const IMPORT_SUBJECT = 'registry_import';
const MAX_ROW_PROBLEMS = 1000;
type Progress = ImportView['progress'];

/**
 * xlsx import in two steps: preview (read, check every row, match on natural keys, keep the plan)
 * and commit (apply the plan in one transaction). Both run in the background; progress is kept
 * in memory and read through GET, the outcome on the import row.
 */
export function createImportService(deps: { db: Db; clock: Clock; secrets: Secrets; xlsx: XlsxReadOptions }) {
  const { db, clock, secrets } = deps;
  const progress = new Map<string, Progress>();
  /** who runs which import, so progress is answered from memory while a transaction holds the database */
  const owners = new Map<string, { actorId: string; state: 'parsing' | 'committing'; view: ImportView | null }>();
  const running = new Map<string, Promise<void>>();
  const setProgress = (id: string, p: Progress) => progress.set(id, p);

  async function start(user: AuthUser, buf: Buffer, filename?: string) {
    await refuseBombs(buf);
    const [row] = await db.insert(registryImports).values({
      actorId: user.id, jurisdictionPath: user.scopePath, filename: sanitizeFilename(filename), sha256: sha256Hex(buf), state: 'parsing', createdAt: clock.now(),
    }).returning();
    setProgress(row!.id, { phase: 'reading', done: 0, total: null });
    owners.set(row!.id, { actorId: user.id, state: 'parsing', view: toView(row!) });
    track(row!.id, preview(user, row!.id, buf));
    return row!.id;
  }

  function track(id: string, p: Promise<void>) {
    const done = p.catch(async (err) => {
      await db.update(registryImports).set({ state: 'failed', fileProblems: [{ row: 0, column: null, code: 'internal', message: `导入失败：${loggableError(err).message.slice(0, 200)}` }] }).where(eq(registryImports.id, id));
    }).finally(() => { running.delete(id); owners.delete(id); });
    running.set(id, done);
  }

  async function preview(user: AuthUser, id: string, buf: Buffer) {
    const sheet = await readRegistrySheet(buf, deps.xlsx, (n) => setProgress(id, { phase: 'reading', done: n, total: null }));
    if (sheet.fileProblems.length) {
      await db.update(registryImports).set({ state: 'failed', fileProblems: sheet.fileProblems, totals: totals(sheet.rows.length, 0, 0, 0, 0) }).where(eq(registryImports.id, id));
      setProgress(id, { phase: 'done', done: 0, total: 0 });
      return;
    }
    const total = sheet.rows.length;
    const ctx = await rowContext(db, user);
    const level = await userLevel(db, user);
    const problems: ImportProblem[] = [...sheet.cellProblems];
    const badRows = new Set(problems.map((p) => p.row));
    const checked: CheckedRow[] = [];
    const seen = new Map<string, number>();
    for (const [i, raw] of sheet.rows.entries()) {
      if (i % 2000 === 0) { setProgress(id, { phase: 'checking', done: i, total }); await new Promise<void>((r) => setImmediate(r)); }
      const r = checkRow(raw, ctx);
      if ('problems' in r) { problems.push(...r.problems); badRows.add(raw.row); continue; }
      const clash = r.ok.keys.map((k) => [k, seen.get(k)] as const).find(([, at]) => at !== undefined);
      if (clash) { problems.push({ row: raw.row, column: null, code: 'duplicate_in_file', message: `与第${clash[1]}行的${keyLabel(clash[0])}重复` }); badRows.add(raw.row); continue; }
      for (const k of r.ok.keys) seen.set(k, raw.row);
      if (!badRows.has(raw.row)) checked.push(r.ok);
    }
    const valid = checked.filter((c) => !badRows.has(c.row));
    const existing = await matchExisting(db, valid);
    const plan: PlannedRow[] = [];
    let create = 0; let update = 0; let unchanged = 0;
    for (const c of valid) {
      const hits = [...new Set(c.keys.map((k) => existing.get(k)).filter((e): e is RegistryEntityRow => !!e))];
      if (hits.length > 1) { problems.push({ row: c.row, column: null, code: 'ambiguous', message: '备案号、网址或账号分别对应台账中的不同对象，请核对' }); badRows.add(c.row); continue; }
      const hit = hits[0];
      if (hit && !inScope(user, hit.jurisdictionPath)) {
        problems.push({ row: c.row, column: null, code: 'duplicate_elsewhere', message: `该对象（${keyLabel(c.keys.find((k) => existing.get(k) === hit)!)}）已由其他属地登记，不能导入` });
        badRows.add(c.row); continue;
      }
      const p = planRow(c, hit ?? null, secrets, user.jurisdictionId);
      if (p.action === 'update' && (p.values.grade !== undefined || p.values.jurisdictionId !== undefined) && !canGradeAtLevel(level)) {
        problems.push({ row: c.row, column: p.values.grade !== undefined ? '分级' : '属地', code: 'grade_forbidden', message: '镇街用户不能通过导入调整已登记对象的分级或属地，请报区县网信办' });
        badRows.add(c.row); continue;
      }
      if (p.action === 'create') create++; else if (p.action === 'update') update++; else unchanged++;
      plan.push(p);
    }
    const invalid = badRows.size;
    problems.sort((a, b) => a.row - b.row);
    await db.update(registryImports).set({
      state: 'previewed', totals: totals(total, plan.length, invalid, create, update, unchanged), rowProblems: problems.slice(0, MAX_ROW_PROBLEMS),
      sample: plan.filter((p) => p.action !== 'unchanged').slice(0, 50).map((p) => ({ row: p.row, action: p.action, name: p.values.name, entityId: p.entityId })),
      plan: plan.filter((p) => p.action !== 'unchanged'),
    }).where(eq(registryImports.id, id));
    setProgress(id, { phase: 'done', done: total, total });
  }

  async function commit(user: AuthUser, id: string, skipInvalid: boolean) {
    const row = await get(user, id);
    if (row.state !== 'previewed') throw new AppError('registry.import_state', `导入批次状态为 ${row.state}，不能提交`);
    if ((row.totals.invalid ?? 0) > 0 && !skipInvalid) {
      throw new AppError('registry.import_has_errors', `有 ${row.totals.invalid} 行未通过校验；确认只导入有效行，或修改后重新上传`, { details: { invalid: row.totals.invalid } });
    }
    const [claimed] = await db.update(registryImports).set({ state: 'committing' }).where(and(eq(registryImports.id, id), eq(registryImports.state, 'previewed'))).returning();
    if (!claimed) throw new AppError('registry.import_state', '该导入批次正在提交');
    const plan = (claimed.plan ?? []) as PlannedRow[];
    owners.set(id, { actorId: user.id, state: 'committing', view: toView({ ...claimed, plan: null }) });
    setProgress(id, { phase: 'writing', done: 0, total: plan.length });
    track(id, (async () => {
      try {
        const result = await db.transaction(async (tx) => {
          const at = clock.now();
          const r = await applyPlan(tx, user, plan, at, id, (n) => setProgress(id, { phase: 'writing', done: n, total: plan.length }));
          const res = { ...r, unchanged: claimed.totals.unchanged ?? 0 };
          await appendEvent(tx, {
            subjectType: IMPORT_SUBJECT, subjectId: id, action: 'registry.import_committed', actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId,
            payload: { sha256: claimed.sha256, filename: claimed.filename, ...res, skippedInvalid: claimed.totals.invalid ?? 0 }, batchId: id, at,
          });
          await tx.update(registryImports).set({ state: 'committed', result: res, committedAt: at, plan: null }).where(eq(registryImports.id, id));
          return res;
        });
        setProgress(id, { phase: 'done', done: result.created + result.updated, total: plan.length });
      } catch (err) {
        const conflict = ((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23505';
        await db.update(registryImports).set({
          state: 'failed', fileProblems: [{ row: 0, column: null, code: conflict ? 'conflict' : 'internal', message: conflict ? '提交时台账已有相同标识的对象（可能被他人同时录入），未导入任何行；请重新上传预览' : `提交失败，未导入任何行：${loggableError(err).message.slice(0, 200)}` }],
        }).where(eq(registryImports.id, id));
        setProgress(id, { phase: 'done', done: 0, total: plan.length });
      }
    })());
  }

  async function get(user: AuthUser, id: string): Promise<RegistryImportRow> {
    const [row] = await db.select().from(registryImports).where(and(eq(registryImports.id, id), eq(registryImports.actorId, user.id)));
    if (!row) throw new AppError('resource.not_found', 'import not found');
    return row;
  }

  async function view(user: AuthUser, id: string): Promise<ImportView> {
    const live = owners.get(id);
    if (live?.view && live.actorId === user.id) return { ...live.view, state: live.state, progress: progress.get(id) ?? live.view.progress };
    return toView(await get(user, id));
  }

  function toView(r: RegistryImportRow): ImportView {
    const t = r.totals;
    return {
      id: r.id, state: r.state, filename: r.filename, sha256: r.sha256,
      progress: progress.get(r.id) ?? { phase: r.state === 'parsing' || r.state === 'committing' ? 'reading' : 'done', done: 0, total: null },
      totals: { rows: t.rows ?? 0, valid: t.valid ?? 0, invalid: t.invalid ?? 0, create: t.create ?? 0, update: t.update ?? 0, unchanged: t.unchanged ?? 0 },
      fileProblems: r.fileProblems as ImportProblem[], rowProblems: r.rowProblems as ImportProblem[], sample: r.sample as ImportView['sample'],
      createdAt: r.createdAt.toISOString(), committedAt: r.committedAt?.toISOString() ?? null,
      result: r.result ? { created: r.result.created ?? 0, updated: r.result.updated ?? 0, unchanged: r.result.unchanged ?? 0 } : null,
    };
  }

  /** Resolves when the import's background step has finished (tests, bench, `?wait=true`). */
  const settled = async (id: string) => { await running.get(id); };

  return { start, commit, view, settled };
}
export type ImportService = ReturnType<typeof createImportService>;

/** A zip whose directory declares too much, or too high a ratio, is refused before anything is stored; liars are caught while reading. */
async function refuseBombs(buf: Buffer) {
  try {
    await checkDeclaredSizes(buf);
  } catch (err) {
    if (err instanceof XlsxError) throw new AppError('import.too_large', '文件解压后的内容超出导入限制', { cause: err });
    throw err;
  }
}

const totals = (rows: number, valid: number, invalid: number, create: number, update: number, unchanged = 0) => ({ rows, valid, invalid, create, update, unchanged });
const keyLabel = (k: string) => (k.startsWith('icp:') ? 'ICP备案号' : k.startsWith('account:') ? '平台账号ID' : k.startsWith('app:') ? '应用标识' : k.startsWith('name:') ? '类型和名称' : '网址');

async function rowContext(q: Queryable, user: AuthUser): Promise<RowContext> {
  const js = await q.select({ id: jurisdictions.id, code: jurisdictions.code, name: jurisdictions.name }).from(jurisdictions)
    .where(and(scopeFilter(user, jurisdictions.path), eq(jurisdictions.active, true)));
  const byName = new Map<string, string[]>();
  for (const j of js) byName.set(norm(j.name), [...(byName.get(norm(j.name)) ?? []), j.id]);
  const officers = await holdersOf(q, { permission: 'registry.read', user });
  return {
    jurisdictionByCode: new Map(js.map((j) => [j.code, j.id])), jurisdictionByName: byName, defaultJurisdictionId: user.jurisdictionId,
    officerByUsername: new Map(officers.map((o) => [o.username.toLowerCase(), o.id])),
  };
}

/** Existing entities by natural key (the whole register: identifiers are unique across jurisdictions). */
async function matchExisting(q: Queryable, rows: CheckedRow[]): Promise<Map<string, RegistryEntityRow>> {
  const out = new Map<string, RegistryEntityRow>();
  const icp = rows.flatMap((r) => (r.ids.icpNo ? [r.ids.icpNo] : []));
  const app = rows.flatMap((r) => (r.ids.appId ? [r.ids.appId] : []));
  const url = rows.flatMap((r) => (r.ids.canonicalUrl ? [r.ids.canonicalUrl] : []));
  const acc = rows.flatMap((r) => (r.ids.accountId ? [r.ids.accountId] : []));
  const names = rows.flatMap((r) => r.keys.filter((k) => k.startsWith('name:')).map((k) => k.split(':').slice(2).join(':')));
  const CHUNK = 5000;
  const max = Math.max(icp.length, app.length, url.length, acc.length, names.length);
  for (let i = 0; i < max; i += CHUNK) {
    const conds = [
      icp.length > i ? inArray(registryEntities.icpNo, icp.slice(i, i + CHUNK)) : undefined,
      app.length > i ? inArray(registryEntities.appId, app.slice(i, i + CHUNK)) : undefined,
      url.length > i ? inArray(registryEntities.canonicalUrl, url.slice(i, i + CHUNK)) : undefined,
      acc.length > i ? inArray(registryEntities.accountId, acc.slice(i, i + CHUNK)) : undefined,
      names.length > i ? and(inArray(registryEntities.nameNorm, names.slice(i, i + CHUNK)), isNull(registryEntities.icpNo), isNull(registryEntities.appId), isNull(registryEntities.accountId), isNull(registryEntities.canonicalUrl)) : undefined,
    ].filter(Boolean);
    if (!conds.length) continue;
    for (const e of await q.select().from(registryEntities).where(or(...conds))) {
      if (e.icpNo) out.set(`icp:${e.icpNo}`, e);
      if (e.accountId) out.set(`account:${e.type}:${e.accountId}`, e);
      if (e.appId) out.set(`app:${e.appId}`, e);
      if (e.canonicalUrl) out.set(`url:${e.canonicalUrl}`, e);
      if (!e.icpNo && !e.accountId && !e.appId && !e.canonicalUrl) out.set(`name:${e.type}:${e.nameNorm}`, e);
    }
  }
  return out;
}

/** What the commit will write for a row: a new entity, the changed fields, or nothing. */
function planRow(c: CheckedRow, hit: RegistryEntityRow | null, secrets: Secrets, defaultJurisdictionId: string): PlannedRow {
  const values = {
    name: c.name, type: c.type, url: c.url, ...c.ids, platformName: c.platformName, operatorName: c.operatorName,
    jurisdictionId: c.jurisdictionId ?? defaultJurisdictionId, grade: c.grade, gradeReason: c.gradeReason, tags: c.tags, status: c.status, note: c.note,
    ...(c.officerId !== undefined ? { officerId: c.officerId } : {}),
  };
  if (!hit) return { row: c.row, action: 'create', entityId: randomUUID(), values: { ...values, ...(c.contact !== undefined ? sealContact(secrets, c.contact) : {}) } };
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'gradeReason' && (v === null || c.grade === hit.grade)) continue;
    if (JSON.stringify((hit as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null)) changed[k] = v;
  }
  if (c.contact !== undefined) {
    const current = hit.contactEnc ? secrets.open(hit.contactEnc) : null;
    const next = c.contact && (c.contact.person || c.contact.phone || c.contact.email) ? JSON.stringify(c.contact) : null;
    if (current !== next) Object.assign(changed, sealContact(secrets, c.contact));
  }
  if (Object.keys(changed).length === 0) return { row: c.row, action: 'unchanged', entityId: hit.id, values: { name: c.name } };
  return { row: c.row, action: 'update', entityId: hit.id, values: { name: c.name, ...changed }, before: { grade: hit.grade, status: hit.status, jurisdictionId: hit.jurisdictionId } };
}
