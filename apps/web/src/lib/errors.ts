import type { FormInstance } from 'antd';
import { isMessageKey, type TFunction } from '../i18n';
import { ApiError } from './api';

/** Localized text for any thrown error, chosen by code only — the server's message is never shown. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}`;
    return isMessageKey(key) ? t(key) : t('error.unknown', { code: err.code });
  }
  return t('error.unknown', { code: 'client' });
}

interface Issue {
  path: string[];
}

function toPath(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string') return raw.split(/[./]/).filter(Boolean);
  return [];
}

/** The issues of a `request.invalid` error, with paths normalized to field names. */
export function validationIssues(err: unknown): Issue[] {
  if (!(err instanceof ApiError) || err.code !== 'request.invalid') return [];
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue: unknown) => {
    const path = toPath((issue as { path?: unknown } | null)?.path);
    // Some servers prefix the request part (body.username); the form only knows the field.
    if (path[0] === 'body' || path[0] === 'query' || path[0] === 'params') path.shift();
    return { path };
  });
}

/**
 * Marks the form fields named by a `request.invalid` error. Returns true when every issue found a
 * field, so the caller needs no extra toast.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, t: TFunction): boolean {
  const issues = validationIssues(err);
  if (issues.length === 0) return false;
  const known = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  let unmatched = 0;
  const fields: { name: string; errors: string[] }[] = [];
  for (const issue of issues) {
    const name = issue.path[0];
    if (name && known.has(name)) fields.push({ name, errors: [t('error.fieldInvalid')] });
    else unmatched += 1;
  }
  form.setFields(fields);
  return unmatched === 0;
}
