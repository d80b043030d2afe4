/**
 * Every error the API returns has a stable code. The HTTP edge maps code → status here;
 * the UI maps code → localized text. Nothing branches on message text.
 */
export const ERROR_STATUS = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'request.rate_limited': 429,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.throttled': 429,
  'auth.password_change_required': 403,
  'auth.password_unchanged': 400,
  'auth.session_expired': 401,
  'auth.csrf_invalid': 403,
  'auth.forbidden': 403,
  'auth.password_weak': 400,
  'auth.password_mismatch': 400,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'jurisdiction.invalid_parent': 422,
  'jurisdiction.out_of_scope': 403,
  'jurisdiction.has_children': 409,
  'unit.out_of_scope': 403,
  'user.username_taken': 409,
  'user.cannot_modify_self': 422,
  'role.builtin_locked': 422,
  'role.unknown_permission': 400,
  'calendar.invalid_day': 422,
  // Settings: defaults at the root, overrides per jurisdiction (see the server's modules/settings)
  'settings.root_only': 403,
  'settings.not_own_level': 403,
  'deadline.invalid_transition': 409,
  'lexicon.invalid_rule': 422,
  'lexicon.invalid_file': 422,
  'patrol.invalid_source': 422,
  'patrol.already_reviewed': 409,
  'patrol.invalid_import': 422,
  'patrol.feed_unreadable': 422,
  // server-side fetches of a URL (lib/guarded-fetch): refused before connecting, failed, or too large
  'fetch.refused': 422,
  'fetch.failed': 502,
  'fetch.too_large': 502,
  'apikey.invalid': 401,
  'report.invalid_transition': 409,
  'report.unknown_category': 422,
  'report.pow_required': 428,
  'report.pow_invalid': 400,
  'report.evidence_invalid': 422,
  'report.evidence_too_large': 413,
  'report.evidence_unknown': 422,
  /** public uploads not yet part of a report have filled their space (FILES_UNCLAIMED_MAX_MB) */
  'report.evidence_storage_full': 503,
  'report.not_found': 404,
  'report.review_used': 409,
  'report.template_unfilled': 422,
  'report.merge_invalid': 422,
  'report.disposal_invalid': 422,
  'report.open_subcases': 409,
  'report.bulk_too_many': 422,
  'transfer.invalid_transition': 409,
  'assignment.invalid_transition': 409,
  'order.invalid_transition': 409,
  'rectification.invalid_transition': 409,
  'registry.invalid_identifier': 422,
  'registry.duplicate': 409,
  'registry.grade_forbidden': 403,
  'registry.invalid_officers': 422,
  'registry.invalid_transition': 409,
  'registry.file_unknown': 422,
  'registry.import_invalid_file': 422,
  'registry.import_has_errors': 422,
  'registry.import_state': 409,
  /** an uploaded workbook (registry or patrol import) inflates past the limits: a zip bomb, or simply too much */
  'import.too_large': 413,
  'registry.draw_pool_too_small': 422,
  'registry.entity_unknown': 422,
  'stats.invalid_period': 422,
  'stats.not_published': 404,
  'stats.already_published': 409,
  'stats.month_not_over': 422,
  'stats.unknown_figure': 404,
  'todo.unknown_kind': 404,
  // documents rendered from versioned templates (the server's modules/documents)
  'document.unknown_template': 404,
  'document.invalid_data': 400,
  'server.unavailable': 503,
  'server.internal': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
