import { ERROR_STATUS, type ErrorCode } from '@tianlang/contracts';

/** The one error type of the server. The HTTP edge maps `code` to a status and a body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message ?? code, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function assertThat(condition: unknown, code: ErrorCode, message?: string, details?: unknown): asserts condition {
  if (!condition) throw new AppError(code, message, { details });
}

export function notFound(what: string): AppError {
  return new AppError('resource.not_found', `${what} not found`);
}
