import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { compileLexicon, parseLexiconFile, TextscanError, type RuleInput } from '@tianlang/textscan';
import type { LexiconRuleInputSchema, LexiconRuleUpdateSchema } from '@tianlang/contracts';
import type { Db, Tx } from '../../db/client';
import { lockInTx, lockKeys } from '../../db/locks';
import { lexiconRules, lexiconVersions, type LexiconRuleRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { diff } from '../../lib/changes';
import { AppError, assertThat, notFound } from '../../lib/errors';
import { appendEvent } from '../audit/events.service';
import { primaryRole, type AuthUser } from '../auth/auth.types';
import { createLexiconRepo } from './lexicon.repo';
import { toRuleInput, type Scanner } from './scanner';

type RuleInputBody = z.infer<typeof LexiconRuleInputSchema>;
type RuleUpdate = z.infer<typeof LexiconRuleUpdateSchema>;
type Summary = { added: number; changed: number; deactivated: number; note?: string };

/** Compiles the rules alone first: an unsafe or invalid regex is refused before anything is stored. */
function validateRules(rules: RuleInput[]) {
  try {
    compileLexicon(rules, { normalize: false });
  } catch (err) {
    if (err instanceof TextscanError) throw new AppError('lexicon.invalid_rule', err.message, { details: { problems: err.details } });
    throw err;
  }
}

export function createLexiconService({ db, clock, scanner }: { db: Db; clock: Clock; scanner: Scanner }) {
  const repo = createLexiconRepo(db);

  /** Every change is a new lexicon version, numbered under a lock so two editors cannot collide. */
  async function newVersion(tx: Tx, actor: AuthUser, summary: Summary, at: Date) {
    await lockInTx(tx, lockKeys.lexiconVersions);
    const [row] = await tx.select({ v: sql<number>`coalesce(max(${lexiconVersions.version}), 0)` }).from(lexiconVersions);
    const [active] = await tx.select({ n: sql<number>`count(*)::int` }).from(lexiconRules).where(eq(lexiconRules.active, true));
    const version = Number(row?.v ?? 0) + 1;
    await tx.insert(lexiconVersions).values({ version, actorId: actor.id, summary, ruleCount: active?.n ?? 0, createdAt: at });
    await appendEvent(tx, {
      subjectType: 'lexicon', subjectId: 'main', action: 'lexicon.version_created', actorId: actor.id,
      actorRole: primaryRole(actor), unitId: actor.unitId, toState: `v${version}`, payload: { ...summary }, reason: summary.note ?? null, at,
    });
    return version;
  }

  async function create(actor: AuthUser, input: RuleInputBody) {
    validateRules([toRuleInput({ id: 'new', ...input })]);
    const existing = await db.select({ id: lexiconRules.id }).from(lexiconRules)
      .where(sql`${lexiconRules.kind} = ${input.kind} and ${lexiconRules.pattern} = ${input.pattern}`);
    assertThat(existing.length === 0, 'resource.conflict', 'rule already exists', { field: 'pattern' });
    const now = clock.now();
    const rule = await db.transaction(async (tx) => {
      const [r] = await tx.insert(lexiconRules).values({ ...input, note: input.note ?? null, createdAt: now, updatedAt: now }).returning();
      await newVersion(tx, actor, { added: 1, changed: 0, deactivated: 0, note: `新增 ${input.pattern}` }, now);
      return r!;
    });
    scanner.invalidate();
    return rule;
  }

  async function update(actor: AuthUser, id: string, input: RuleUpdate) {
    const current = await repo.byId(id);
    if (!current) throw notFound('rule');
    const { reason, ...fields } = input;
    const changes = diff(current, fields);
    if (Object.keys(changes).length === 0) return current;
    validateRules([toRuleInput({ ...current, ...fields } as LexiconRuleRow)]);
    const now = clock.now();
    const deactivated = fields.active === false && current.active ? 1 : 0;
    const rule = await db.transaction(async (tx) => {
      const [r] = await tx.update(lexiconRules).set({ ...fields, updatedAt: now }).where(eq(lexiconRules.id, id)).returning();
      await newVersion(tx, actor, { added: 0, changed: deactivated ? 0 : 1, deactivated, note: reason ?? `修改 ${current.pattern}` }, now);
      return r!;
    });
    scanner.invalidate();
    return rule;
  }

  /** Imports a lexicon file: every line is checked first; the valid file lands as one version or not at all. */
  async function importFile(actor: AuthUser, content: string, note?: string) {
    let parsed: RuleInput[];
    try {
      parsed = parseLexiconFile(content);
    } catch (err) {
      if (err instanceof TextscanError) throw new AppError('lexicon.invalid_file', err.message, { details: { problems: err.details } });
      throw err;
    }
    validateRules(parsed);
    const now = clock.now();
    const summary = await db.transaction(async (tx) => {
      let added = 0;
      let changed = 0;
      const values = parsed.map((r) => ({
        kind: r.kind, pattern: r.kind === 'term' ? r.term : r.kind === 'domain' ? r.domain : r.pattern,
        category: r.category, severity: r.severity ?? 3, allowContexts: r.kind === 'term' ? [...(r.allow ?? [])] : [],
        pinyin: r.kind === 'term' ? !!r.pinyin : false, createdAt: now, updatedAt: now,
      }));
      const unique = [...new Map(values.map((v) => [`${v.kind}\u0000${v.pattern}`, v])).values()];
      for (let i = 0; i < unique.length; i += 1000) {
        // xmax = 0 marks a freshly inserted row, anything else one that existed and was updated
        const rows = await tx.insert(lexiconRules).values(unique.slice(i, i + 1000))
          .onConflictDoUpdate({
            target: [lexiconRules.kind, lexiconRules.pattern],
            set: {
              category: sql`excluded.category`, severity: sql`excluded.severity`, allowContexts: sql`excluded.allow_contexts`,
              pinyin: sql`excluded.pinyin`, active: true, updatedAt: now,
            },
          }).returning({ inserted: sql<boolean>`(xmax = 0)` });
        for (const r of rows) if (r.inserted) added++; else changed++;
      }
      const s = { added, changed, deactivated: 0, note: note ?? `导入 ${parsed.length} 条` };
      await newVersion(tx, actor, s, now);
      return s;
    });
    scanner.invalidate();
    return summary;
  }

  return { list: repo.list, versions: repo.versions, byId: repo.byId, create, update, importFile };
}
export type LexiconService = ReturnType<typeof createLexiconService>;
