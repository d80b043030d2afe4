import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@tianlang/contracts';
import { AppError } from '../lib/errors';

/** Fastify's own error codes that are the client's fault, and what we call them. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_VALIDATION: 'request.invalid',
};

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { code: err.code, message: err.message, details: err.details } };
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const issues = fe.validation.map((v) => ({
      in: fe.validationContext,
      path: String(v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'invalid',
      code: (v.params as { issue?: { code?: string } } | undefined)?.issue?.code,
    }));
    return { status: 400, body: { code: 'request.invalid', message: 'request does not match the schema', details: { issues } } };
  }
  if (fe && fe.code === 'FST_ERR_RATE_LIMITED') { /* handled by the rate limit error builder */ }
  if (fe?.statusCode === 429) {
    return { status: 429, body: { code: 'request.rate_limited', message: 'too many requests' } };
  }
  const mapped = fe?.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return { status: ERROR_STATUS[mapped], body: { code: mapped, message: fe.message } };
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { code: 'request.invalid', message: fe.message } };
  }
  return { status: 500, body: { code: 'server.internal', message: 'internal error' } };
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) {
      req.log.error({ err, serialization: isResponseSerializationError(err) }, 'request failed');
    } else {
      req.log.info({ code: body.code, status }, 'request rejected');
    }
    reply.status(status).send(body);
  });
}
