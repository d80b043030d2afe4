import { asc, eq } from 'drizzle-orm';
import type { ReportOutcome, SettingSource } from '@tianlang/contracts';
import { placeholdersOf } from '@tianlang/core';
import type { Db, Queryable, Tx } from '../../db/client';
import { replyTemplates, type ReplyTemplateRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import type { AuthUser } from '../auth/auth.types';
import { assertMaySetAt, depthOn, levelsOn, ownLevel, resolveSetting, settingLabels } from '../settings';
import { actorOf } from './report-store';

export const TEMPLATE_SUBJECT = 'reply_template';

export const templateView = (t: ReplyTemplateRow, source: SettingSource, replacesInherited = false) => ({
  id: t.id, outcome: t.outcome, name: t.name, body: t.body, placeholders: placeholdersOf(t.body), active: t.active, updatedAt: t.updatedAt.toISOString(),
  source, replacesInherited,
});

interface TemplateInput { outcome: ReportOutcome; name: string; body: string; active: boolean }

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** The templates in force at a jurisdiction path: by name, the nearest level's wins. */
export async function effectiveTemplates(q: Queryable, path: string) {
  const rows = await q.select().from(replyTemplates).where(levelsOn(replyTemplates.jurisdictionId, path))
    .orderBy(asc(replyTemplates.outcome), asc(replyTemplates.name));
  return { rows, byName: resolveSetting(rows, path, (r) => r.name) };
}

/**
 * 回复模板: the root's set is the default; a jurisdiction adds its own or replaces one of the same
 * name for its subtree (reports.configure, at the admin's own level only); every change is an event.
 */
export function createTemplatesService({ db, clock }: { db: Db; clock: Clock }) {
  /** The templates in force at the user's level, each with where it comes from, and the user's level. */
  async function list(user: AuthUser) {
    const { rows, byName } = await effectiveTemplates(db, user.scopePath);
    const labels = await settingLabels(db, user);
    const shadowed = (t: ReplyTemplateRow) => rows.some((r) => r.name === t.name && r.id !== t.id);
    const items = [...byName.values()].map((t) => templateView(t, labels.source(t.jurisdictionId), labels.source(t.jurisdictionId).own && shadowed(t)));
    return { items, level: labels.level };
  }

  /**
   * The template a reply to a report at `path` uses when `id` is picked: the one in force there under
   * that name (a lower level's own wording wins), or null if the template does not apply there at all.
   */
  async function forReport(q: Queryable, path: string, id: string) {
    const [picked] = await q.select().from(replyTemplates).where(eq(replyTemplates.id, id));
    if (!picked || depthOn(picked.jurisdictionId, path) < 0) return null;
    return (await effectiveTemplates(q, path)).byName.get(picked.name) ?? null;
  }

  /** A template the user may change: on their path (else it does not exist for them) and set at their own level. */
  async function ownRow(user: AuthUser, id: string) {
    const [t] = await db.select().from(replyTemplates).where(eq(replyTemplates.id, id));
    if (!t || depthOn(t.jurisdictionId, user.scopePath) < 0) throw notFound('template');
    assertMaySetAt(user, t.jurisdictionId, 'reply_template');
    return t;
  }

  async function write(user: AuthUser, action: 'created' | 'updated' | 'removed', fn: (tx: Tx, at: Date) => Promise<ReplyTemplateRow | undefined>) {
    try {
      const row = await db.transaction(async (tx) => {
        const at = clock.now();
        const row = await fn(tx, at);
        if (!row) throw notFound('template');
        const actor = actorOf(user);
        await appendEvent(tx, {
          subjectType: TEMPLATE_SUBJECT, subjectId: row.id, action: `reply_template.${action}`, actorId: actor.id, actorRole: actor.role, unitId: actor.unitId,
          payload: { outcome: row.outcome, name: row.name, body: row.body, active: row.active, jurisdictionId: row.jurisdictionId }, at,
        });
        return row;
      });
      return (await list(user)).items.find((t) => t.id === row.id) ?? templateView(row, (await settingLabels(db, user)).source(row.jurisdictionId));
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('resource.conflict', 'a template with this name exists', { details: { field: 'name' } });
      throw err;
    }
  }

  /** A template at the user's own level (a new one, or this level's wording of one from above). */
  function create(user: AuthUser, input: TemplateInput) {
    const level = ownLevel(user);
    assertMaySetAt(user, level, 'reply_template');
    return write(user, 'created', async (tx, at) =>
      (await tx.insert(replyTemplates).values({ ...input, jurisdictionId: level, createdAt: at, updatedAt: at }).returning())[0]);
  }

  async function update(user: AuthUser, id: string, input: Partial<TemplateInput>) {
    await ownRow(user, id);
    return write(user, 'updated', async (tx, at) =>
      (await tx.update(replyTemplates).set({ ...input, updatedAt: at }).where(eq(replyTemplates.id, id)).returning())[0]);
  }

  /** Removes a template of the user's own level; one of the same name from above applies again. */
  async function remove(user: AuthUser, id: string) {
    await ownRow(user, id);
    await write(user, 'removed', async (tx) => (await tx.delete(replyTemplates).where(eq(replyTemplates.id, id)).returning())[0]);
  }

  return { list, forReport, create, update, remove };
}
export type TemplatesService = ReturnType<typeof createTemplatesService>;
