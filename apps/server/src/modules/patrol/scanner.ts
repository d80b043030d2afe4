import { compileLexicon, type Lexicon, type Match, type RuleInput } from '@tianlang/textscan';
import type { Db } from '../../db/client';
import type { LexiconRuleRow } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { createLexiconRepo } from './lexicon.repo';

/** A lexicon rule as the text engine takes it. */
export function toRuleInput(r: Pick<LexiconRuleRow, 'id' | 'kind' | 'pattern' | 'category' | 'severity' | 'allowContexts' | 'pinyin'>): RuleInput {
  if (r.kind === 'regex') return { kind: 'regex', id: r.id, pattern: r.pattern, category: r.category, severity: r.severity };
  if (r.kind === 'domain') return { kind: 'domain', id: r.id, domain: r.pattern, category: r.category, severity: r.severity };
  return { kind: 'term', id: r.id, term: r.pattern, category: r.category, severity: r.severity, allow: r.allowContexts, pinyin: r.pinyin };
}

const CHECK_EVERY_MS = 5_000;

/**
 * The compiled lexicon of this process. A change recorded in lexicon_versions (by this or another
 * process) is picked up within seconds: the new version is compiled, then swapped in atomically.
 */
export function createScanner({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createLexiconRepo(db);
  let current: { version: number; lexicon: Lexicon } | undefined;
  let checkedAt = 0;
  let loading: Promise<{ version: number; lexicon: Lexicon }> | undefined;

  async function load() {
    const version = await repo.currentVersion();
    if (current && current.version === version) return current;
    const rules = await repo.activeRules();
    const lexicon = compileLexicon(rules.map(toRuleInput), { version: String(version) });
    current = { version, lexicon };
    return current;
  }

  async function get(): Promise<{ version: number; lexicon: Lexicon }> {
    const now = clock.now().getTime();
    if (current && now - checkedAt < CHECK_EVERY_MS) return current;
    checkedAt = now;
    loading ??= load().finally(() => { loading = undefined; });
    return loading;
  }

  return {
    get,
    /** forces a reload now (after a change made by this process) */
    invalidate: () => { checkedAt = 0; },
    scan: async (text: string): Promise<{ version: number; matches: Match[] }> => {
      const { version, lexicon } = await get();
      return { version, matches: lexicon.scan(text) };
    },
  };
}
export type Scanner = ReturnType<typeof createScanner>;
