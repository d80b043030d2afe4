import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * What of an error may leave the process, in a log line or a stored `lastError`: its type, message,
 * the database's error code and the names of what it concerns — never a failed statement's text or
 * parameters. Drizzle puts both into its error's message ("Failed query: … params: …"), PGlite and
 * node-postgres attach them (`query`, `params`) or quote values in `detail`; parameters can hold
 * personal data and encrypted contacts, so those fields are left out, not redacted one by one.
 */
export interface LoggableError {
  type: string;
  message: string;
  /** SQLSTATE, or a Node/library error code */
  code?: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string;
  cause?: LoggableError;
}

const DB_NAME_FIELDS = ['severity', 'constraint', 'table', 'column', 'routine'] as const;

/** The stack's frames only: its first line repeats the message, which for a query error holds the SQL. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string' ? stack.split('\n').filter((l) => /^\s+at /.test(l)).join('\n') || undefined : undefined;

export function loggableError(err: unknown, depth = 0): LoggableError {
  if (!(err instanceof Error)) return { type: typeof err, message: typeof err === 'string' ? err : 'non-error thrown' };
  if (err instanceof DrizzleQueryError) {
    // the wrapper's own message is the statement and its parameters; what failed is its cause
    const cause = err.cause !== undefined && depth < 3 ? loggableError(err.cause, depth + 1) : undefined;
    return { type: 'DrizzleQueryError', message: cause ? `query failed: ${cause.message}` : 'query failed', code: cause?.code, stack: framesOf(err.stack), cause };
  }
  const e = err as Error & Record<string, unknown>;
  const out: LoggableError = { type: e.constructor?.name ?? 'Error', message: e.message, stack: framesOf(e.stack) };
  if (typeof e.code === 'string') out.code = e.code;
  for (const f of DB_NAME_FIELDS) if (typeof e[f] === 'string') out[f] = e[f] as string;
  if (e.cause !== undefined && depth < 3) out.cause = loggableError(e.cause, depth + 1);
  return out;
}

/** One line for a stored error text (a job's lastError, an import's failure note). */
export function errorText(err: unknown): string {
  const e = loggableError(err);
  return [e.code ? `${e.type} ${e.code}: ${e.message}` : `${e.type}: ${e.message}`, e.stack].filter(Boolean).join('\n');
}

/** pino serializers: every `{ err }` logged anywhere goes through loggableError. */
export const LOG_SERIALIZERS = { err: loggableError, error: loggableError };
