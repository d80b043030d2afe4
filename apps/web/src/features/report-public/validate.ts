import type { MessageKey, TFunction } from '../../i18n';
import { ApiError } from '../../lib/api';
import { validationIssues } from '../../lib/errors';
import type { ReportDraft } from './draft';
import { LIMITS, PHONE } from './enums';
import type { EvidenceItem } from './use-evidence';
import type { FormOptions, PublicReportInput } from './public.api';

/** Field path (as the API names it: `urls.2`, `contact.phone`) → message shown under the field. */
export type FieldErrors = Record<string, string>;

export function isHttpUrl(value: string): boolean {
  if (value.length > LIMITS.url) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A pasted `www.example.com/post/1` means https; anything else is left for the reporter to fix. */
export function withScheme(value: string): string {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return /^[\w-]+(\.[\w-]+)+(?::\d+)?([/?#]|$)/.test(v) ? `https://${v}` : v;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `platformLocked`: the entry came from a platform's embedded form, so the platform names the target. */
export function validateDraft(d: ReportDraft, t: TFunction, platformLocked: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.categoryCode) errors.categoryCode = t('pub.invalid.category');
  const seen = new Set<string>();
  d.urls.forEach((raw, i) => {
    const url = raw.trim();
    if (!url) return;
    if (!isHttpUrl(url)) errors[`urls.${i}`] = t('pub.invalid.url');
    else if (seen.has(url)) errors[`urls.${i}`] = t('pub.invalid.urlDuplicate');
    seen.add(url);
  });
  const hasTarget = seen.size > 0 || d.platformName.trim() || d.accountName.trim() || platformLocked;
  if (!hasTarget) errors.urls = t('pub.invalid.target');
  if (d.platformName.trim().length > LIMITS.platformName) errors.platformName = t('pub.invalid.tooLong', { max: LIMITS.platformName });
  if (d.accountName.trim().length > LIMITS.accountName) errors.accountName = t('pub.invalid.tooLong', { max: LIMITS.accountName });
  const description = d.description.trim();
  if (description.length < LIMITS.descriptionMin) errors.description = t('pub.invalid.description', { min: LIMITS.descriptionMin });
  else if (description.length > LIMITS.descriptionMax) errors.description = t('pub.invalid.tooLong', { max: LIMITS.descriptionMax });
  if (d.phone.trim() && !PHONE.test(d.phone.trim())) errors['contact.phone'] = t('pub.invalid.phone');
  if (d.email.trim() && (!EMAIL.test(d.email.trim()) || d.email.trim().length > LIMITS.email)) errors['contact.email'] = t('pub.invalid.email');
  if (!d.goodFaith) errors.goodFaith = t('pub.invalid.goodFaith');
  return errors;
}

const optional = (value: string) => value.trim() || undefined;

export function buildInput(
  d: ReportDraft,
  evidence: EvidenceItem[],
  platform: FormOptions['platform'],
  channel: PublicReportInput['channel'],
): PublicReportInput {
  const phone = optional(d.phone);
  const email = optional(d.email);
  return {
    categoryCode: d.categoryCode,
    zoneCode: optional(d.zoneCode),
    urls: d.urls.map((u) => u.trim()).filter(Boolean),
    platformName: platform ? platform.name : optional(d.platformName),
    platformUnitId: platform?.id,
    accountName: optional(d.accountName),
    description: d.description.trim(),
    evidence: evidence.flatMap((e) => (e.token ? [e.token] : [])),
    contact: phone || email ? { phone, email, shareWithPartners: d.shareWithPartners } : undefined,
    goodFaith: true,
    channel,
  };
}

/** The message for a field the server rejected, by its path or its root name. */
const SERVER_FIELD_MESSAGE: Record<string, MessageKey> = {
  categoryCode: 'pub.invalid.category',
  urls: 'pub.invalid.url',
  'contact.phone': 'pub.invalid.phone',
  'contact.email': 'pub.invalid.email',
  goodFaith: 'pub.invalid.goodFaith',
};

/** The message for a field a service-level check named in `details.field`. */
const NAMED_FIELD_MESSAGE: Record<string, MessageKey> = {
  categoryCode: 'error.report.unknown_category',
  zoneCode: 'error.report.unknown_category',
  urls: 'pub.invalid.target',
};

/**
 * Field errors from an error answer, keyed like validateDraft's: schema issues (`details.issues`)
 * or the one field a service check names (`details.field`).
 */
export function serverFieldErrors(err: unknown, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const named = err instanceof ApiError ? (err.details as { field?: unknown } | undefined)?.field : undefined;
  if (typeof named === 'string') errors[named] = t(NAMED_FIELD_MESSAGE[named] ?? 'error.fieldInvalid');
  for (const issue of validationIssues(err)) {
    const key = issue.path.join('.');
    const root = issue.path[0];
    if (!key || !root) continue;
    if (root === 'description') errors.description = t('pub.invalid.description', { min: LIMITS.descriptionMin });
    else errors[key] = t(SERVER_FIELD_MESSAGE[key] ?? SERVER_FIELD_MESSAGE[root] ?? 'error.fieldInvalid');
  }
  return errors;
}
