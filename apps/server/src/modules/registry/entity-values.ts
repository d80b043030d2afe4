import { t2sTable } from '@tianlang/textscan';
import type { EntityType, OperatorContact } from '@tianlang/contracts';
import { checkIdentifiers, entitySearchText, maskContact, searchForm, type IdentifierProblem, type Identifiers } from '@tianlang/core';
import { AppError } from '../../lib/errors';
import type { Secrets } from '../../lib/secrets';

/** Per-character traditional → simplified (textscan's OpenCC-derived table, built once). */
export function t2s(s: string): string {
  const table = t2sTable();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = table[c];
    out += m ? String.fromCharCode(m) : s[i];
  }
  return out;
}
export const norm = (s: string) => searchForm(s, t2s);

/** Identifiers checked and normalized, or registry.invalid_identifier naming every bad field. */
export function identifiersOrThrow(input: { type: EntityType; url?: string | null; icpNo?: string | null; appId?: string | null; accountId?: string | null }): Identifiers {
  const r = checkIdentifiers(input);
  if (!r.ok) throw invalidIdentifiers(r.problems);
  return r.value;
}
export const invalidIdentifiers = (problems: IdentifierProblem[]) =>
  new AppError('registry.invalid_identifier', problems.map((p) => p.message).join('；'), { details: { problems } });

export function searchColumns(e: { name: string; operatorName?: string | null; platformName?: string | null } & Identifiers) {
  return { nameNorm: norm(e.name), searchText: entitySearchText(e, t2s) };
}

/** Sealed and masked operator contact (like reporter contacts): 张* 138****5678. */
export function sealContact(secrets: Secrets, c: OperatorContact | null | undefined): { contactEnc: string | null; contactMasked: string | null } {
  if (!c || (!c.person && !c.phone && !c.email)) return { contactEnc: null, contactMasked: null };
  const parts = [c.person ? `${Array.from(c.person)[0]}*` : null, c.phone ? maskContact(c.phone) : null, c.email ? maskContact(c.email) : null];
  return { contactEnc: secrets.seal(JSON.stringify(c)), contactMasked: parts.filter(Boolean).join(' ') };
}
