import { asc, eq } from 'drizzle-orm';
import type { ReportOutcome } from '@tianlang/contracts';
import { placeholdersOf } from '@tianlang/core';
import type { Db, Tx } from '../../db/client';
import { replyTemplates, type ReplyTemplateRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import type { AuthUser } from '../auth/auth.types';
import { actorOf } from './report-store';

export const TEMPLATE_SUBJECT = 'reply_template';

export const templateView = (t: ReplyTemplateRow) => ({
  id: t.id, outcome: t.outcome, name: t.name, body: t.body, placeholders: placeholdersOf(t.body), active: t.active, updatedAt: t.updatedAt.toISOString(),
});

interface TemplateInput { outcome: ReportOutcome; name: string; body: string; active: boolean }

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** 回复模板: configured by the office (reports.configure); every change is an event. */
export function createTemplatesService({ db, clock }: { db: Db; clock: Clock }) {
  const list = async () => (await db.select().from(replyTemplates).orderBy(asc(replyTemplates.outcome), asc(replyTemplates.name))).map(templateView);

  async function byId(id: string) {
    const [t] = await db.select().from(replyTemplates).where(eq(replyTemplates.id, id));
    return t ?? null;
  }

  async function write(user: AuthUser, action: 'created' | 'updated', fn: (tx: Tx, at: Date) => Promise<ReplyTemplateRow | undefined>) {
    try {
      return await db.transaction(async (tx) => {
        const at = clock.now();
        const row = await fn(tx, at);
        if (!row) throw new AppError('resource.not_found', 'template not found');
        const actor = actorOf(user);
        await appendEvent(tx, {
          subjectType: TEMPLATE_SUBJECT, subjectId: row.id, action: `reply_template.${action}`, actorId: actor.id, actorRole: actor.role, unitId: actor.unitId,
          payload: { outcome: row.outcome, name: row.name, body: row.body, active: row.active }, at,
        });
        return templateView(row);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('resource.conflict', 'a template with this name exists', { details: { field: 'name' } });
      throw err;
    }
  }

  const create = (user: AuthUser, input: TemplateInput) => write(user, 'created', async (tx, at) =>
    (await tx.insert(replyTemplates).values({ ...input, createdAt: at, updatedAt: at }).returning())[0]);

  const update = (user: AuthUser, id: string, input: Partial<TemplateInput>) => write(user, 'updated', async (tx, at) =>
    (await tx.update(replyTemplates).set({ ...input, updatedAt: at }).where(eq(replyTemplates.id, id)).returning())[0]);

  return { list, byId, create, update };
}
export type TemplatesService = ReturnType<typeof createTemplatesService>;
