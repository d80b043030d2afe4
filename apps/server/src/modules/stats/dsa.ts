import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { LegalBasis } from '../../db/schema';
import { subtreeOf } from '../auth/scope';

/**
 * Disposal decisions in the shape of the EU DSA Transparency Database "statement of reasons"
 * (https://transparency.dsa.ec.europa.eu/page/api-documentation), so the office's decisions can be
 * compared with platforms' there. Only decisions that restrict content or an account are statements.
 */
const CATEGORY: Record<string, string> = {
  terror: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  fraud: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  porn: 'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  vulgar: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  gambling: 'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
  infringement: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'infringement.privacy': 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  rumor: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  cyberviolence: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  other: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
};
export const dsaCategory = (code: string) => CATEGORY[code] ?? CATEGORY[code.split('.')[0]!] ?? 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE';
const VISIBILITY: Record<string, string> = {
  remove: 'DECISION_VISIBILITY_CONTENT_REMOVED', restrict: 'DECISION_VISIBILITY_CONTENT_DEMOTED', label: 'DECISION_VISIBILITY_CONTENT_LABELLED',
};
const ACCOUNT: Record<string, string | null> = { warn: null, limit: 'DECISION_ACCOUNT_SUSPENDED', suspend: 'DECISION_ACCOUNT_SUSPENDED', close: 'DECISION_ACCOUNT_TERMINATED' };
const basis = (b: LegalBasis[]) => b.map((x) => `${x.law}${x.article}${x.item ?? ''}（${x.versionDate}）`).join('；') || null;
const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Row { id: string; kind: string; measure: string | null; legal_basis: LegalBasis[]; reasons: string; created_at: Date | string; category_code: string;
  channel: string; tracking_no: string; platform_name: string | null; submitted_at: Date | string }

export async function dsaStatements(db: Db, path: string, start: Date, end: Date) {
  const res = await db.execute(sql`select d.id, d.kind, d.measure, d.legal_basis, d.reasons, d.created_at, r.category_code, r.channel, r.tracking_no,
      r.platform_name, r.submitted_at
    from report_disposals d join reports r on r.id = d.report_id
    where ${subtreeOf(sql`r.jurisdiction_path`, path)} and d.created_at >= ${start} and d.created_at < ${end} and d.kind in ('order_platform', 'account_action')
    order by d.created_at, d.id`);
  const rows = (Array.isArray(res) ? res : (res as { rows: Row[] }).rows) as Row[];
  return rows.map((r) => {
    const lb = basis(r.legal_basis);
    return {
      uuid: r.id,
      decision_visibility: r.kind === 'order_platform' && r.measure ? [VISIBILITY[r.measure] ?? 'DECISION_VISIBILITY_OTHER'] : [],
      decision_account: r.kind === 'account_action' && r.measure ? ACCOUNT[r.measure] ?? null : null,
      decision_ground: lb ? 'DECISION_GROUND_ILLEGAL_CONTENT' as const : 'DECISION_GROUND_INCOMPATIBLE_CONTENT' as const,
      illegal_content_legal_ground: lb,
      illegal_content_explanation: lb ? r.reasons : null,
      category: dsaCategory(r.category_code),
      decision_facts: r.reasons,
      source_type: r.channel === 'patrol' ? 'SOURCE_VOLUNTARY' as const : r.channel === 'trusted' ? 'SOURCE_TRUSTED_FLAGGER' as const
        : r.channel === 'api' || r.channel === 'embed' ? 'SOURCE_TYPE_OTHER_NOTIFICATION' as const : 'SOURCE_ARTICLE_16' as const,
      // a patrol finding was detected by the lexicon engine; every decision is taken by an officer
      automated_detection: r.channel === 'patrol' ? 'Yes' as const : 'No' as const,
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED' as const,
      content_type: ['CONTENT_TYPE_TEXT'],
      application_date: day(new Date(r.created_at)),
      content_date: day(new Date(r.submitted_at)),
      platform_name: r.platform_name,
      puid: r.tracking_no,
    };
  });
}
