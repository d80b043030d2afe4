import type { LexiconRuleView, PatrolItemView, PatrolSourceView } from '@tianlang/contracts';
import type { LexiconRuleRow, PatrolHitRow, PatrolItemRow, PatrolSourceRow, TermCorrectionRow } from '../../db/schema';

export const ruleView = (r: LexiconRuleRow): LexiconRuleView => ({
  id: r.id, kind: r.kind, pattern: r.pattern, category: r.category, severity: r.severity, allowContexts: r.allowContexts,
  pinyin: r.pinyin, active: r.active, note: r.note, hits: r.hits, confirmed: r.confirmed, dismissed: r.dismissed,
  precision: r.confirmed + r.dismissed === 0 ? null : r.confirmed / (r.confirmed + r.dismissed), updatedAt: r.updatedAt.toISOString(),
});

export const sourceView = (r: { source: PatrolSourceRow; unitName: string }): PatrolSourceView => ({
  id: r.source.id, kind: r.source.kind, name: r.source.name, unitId: r.source.unitId, unitName: r.unitName, url: r.source.url,
  intervalMinutes: r.source.intervalMinutes, active: r.source.active, lastFetchAt: r.source.lastFetchAt?.toISOString() ?? null,
  lastStatus: r.source.lastStatus, lastError: r.source.lastError, lastItemCount: r.source.lastItemCount,
  failures: r.source.failures, nextFetchAt: r.source.nextFetchAt?.toISOString() ?? null,
});

export const itemView = (r: { item: PatrolItemRow; sourceName: string; hits: { hit: PatrolHitRow; pattern: string }[] }): PatrolItemView => ({
  id: r.item.id, sourceId: r.item.sourceId, sourceName: r.sourceName, externalId: r.item.externalId, url: r.item.url,
  author: r.item.author, title: r.item.title, text: r.item.text, sha256: r.item.sha256,
  publishedAt: r.item.publishedAt?.toISOString() ?? null, fetchedAt: r.item.fetchedAt.toISOString(), status: r.item.status,
  lexiconVersion: r.item.lexiconVersion, reviewedAt: r.item.reviewedAt?.toISOString() ?? null,
  hits: r.hits.map(({ hit, pattern }) => ({
    id: hit.id, ruleId: hit.ruleId, pattern, start: hit.start, end: hit.end, matched: hit.matched, category: hit.category,
    normalizations: hit.normalizations, status: hit.status,
  })),
});

export const termView = (r: TermCorrectionRow) => ({ id: r.id, wrong: r.wrong, right: r.right, note: r.note, active: r.active });
