import { asc, eq } from 'drizzle-orm';
import { compileLexicon, type Lexicon } from '@tianlang/textscan';
import type { Db } from '../../db/client';
import { termCorrections, type TermCorrectionRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';

/** 不规范表述: a wrong→right list; checking suggests the right form at each span of the text. */
export function createTermsService({ db, clock }: { db: Db; clock: Clock }) {
  let compiled: { key: string; lexicon: Lexicon; byId: Map<string, TermCorrectionRow> } | undefined;

  async function lexicon() {
    const rows = await db.select().from(termCorrections).where(eq(termCorrections.active, true));
    const key = rows.map((r) => `${r.id}:${r.updatedAt.getTime()}`).sort().join('|');
    if (compiled?.key !== key) {
      // Width and case only: official names are exact; we do not want fuzzy "corrections".
      const lex = compileLexicon(rows.map((r) => ({ kind: 'term' as const, id: r.id, term: r.wrong, category: 'term_correction' })),
        { normalize: { width: true, case: true } });
      compiled = { key, lexicon: lex, byId: new Map(rows.map((r) => [r.id, r])) };
    }
    return compiled;
  }

  async function check(text: string) {
    const { lexicon: lex, byId } = await lexicon();
    return lex.scan(text).map((m) => {
      const row = byId.get(m.rule)!;
      return { start: m.start, end: m.end, wrong: m.text, right: row.right, note: row.note };
    });
  }

  const list = () => db.select().from(termCorrections).orderBy(asc(termCorrections.wrong));

  async function create(actor: AuthUser, input: { wrong: string; right: string; note?: string }) {
    assertThat(input.wrong !== input.right, 'request.invalid', 'wrong and right must differ', { issues: [{ path: 'right', message: 'same as wrong' }] });
    const exists = await db.select({ id: termCorrections.id }).from(termCorrections).where(eq(termCorrections.wrong, input.wrong));
    assertThat(exists.length === 0, 'resource.conflict', 'already listed', { field: 'wrong' });
    const now = clock.now();
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(termCorrections).values({ ...input, note: input.note ?? null, createdAt: now, updatedAt: now }).returning();
      await appendEvent(tx, {
        subjectType: 'term_correction', subjectId: row!.id, action: 'term_correction.created', actorId: actor.id,
        actorRole: primaryRole(actor), unitId: actor.unitId, toState: 'active', payload: { ...input }, at: now,
      });
      return row!;
    });
  }

  async function setActive(actor: AuthUser, id: string, active: boolean) {
    const [row] = await db.select().from(termCorrections).where(eq(termCorrections.id, id));
    if (!row) throw notFound('term correction');
    const now = clock.now();
    return db.transaction(async (tx) => {
      const [updated] = await tx.update(termCorrections).set({ active, updatedAt: now }).where(eq(termCorrections.id, id)).returning();
      await appendEvent(tx, {
        subjectType: 'term_correction', subjectId: id, action: 'term_correction.updated', actorId: actor.id, actorRole: primaryRole(actor),
        unitId: actor.unitId, fromState: row.active ? 'active' : 'inactive', toState: active ? 'active' : 'inactive', at: now,
      });
      return updated!;
    });
  }

  return { check, list, create, setActive };
}
export type TermsService = ReturnType<typeof createTermsService>;
