import type { ErrorCode } from '@tianlang/contracts';

/** The codes the deadline engine can raise; each is mapped to an HTTP status in contracts. */
export type DeadlineErrorCode = Extract<
  ErrorCode,
  'deadline.invalid_transition' | 'calendar.invalid_day' | 'request.invalid'
>;

/** The one error type of the deadline engine. Callers branch on `code`, never on the message. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  readonly code: DeadlineErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DeadlineErrorCode, details: Record<string, unknown> = {}) {
    super(code);
    this.code = code;
    this.details = details;
  }
}
