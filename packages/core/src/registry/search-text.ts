import { toHalfWidth } from './identifiers';

/**
 * The normalized search form of text: NFKC, half-width, lower-case, whitespace collapsed, and
 * traditional characters simplified by `t2s` (a per-character table, injected so this stays
 * free of OpenCC). Both the stored search text and the query go through it.
 */
export function searchForm(text: string, t2s?: (s: string) => string): string {
  const s = toHalfWidth(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
  return t2s ? t2s(s) : s;
}

/** Stored search text of an entity: name, operator, identifiers, and the URL without its scheme. */
export function entitySearchText(e: { name: string; operatorName?: string | null; icpNo?: string | null; appId?: string | null; accountId?: string | null; canonicalUrl?: string | null; platformName?: string | null }, t2s?: (s: string) => string): string {
  const url = e.canonicalUrl ? e.canonicalUrl.replace(/^https?:\/\//, '') : null;
  return searchForm([e.name, e.operatorName, e.icpNo, e.appId, e.accountId, url, e.platformName].filter(Boolean).join(' | '), t2s);
}
