import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DocflowError } from '@docflow/platform';
import { gatewayErrorCodes, type GatewayErrorCode } from '../domain/errors';

/** A domain error's answer: its status, with the domain's default message. */
const domain = (code: GatewayErrorCode, status: number) =>
  ({ status, message: gatewayErrorCodes[code].message }) as const;

/**
 * Every error the REST API answers with, its HTTP status and default message: the domain's errors
 * (domain/errors.ts; each must have its answer here) and those of the HTTP layer itself.
 */
export const apiErrors = {
  VALIDATION_FAILED: domain('VALIDATION_FAILED', 400),
  BAD_REQUEST: { status: 400, message: 'the request is not valid HTTP' },
  MULTIPART_INVALID: domain('MULTIPART_INVALID', 400),
  REQUEST_ABORTED: { status: 400, message: 'the client closed the request before its end' },
  NO_FILE: domain('NO_FILE', 400),
  FILE_EMPTY: domain('FILE_EMPTY', 400),
  UNKNOWN_FIELD: domain('UNKNOWN_FIELD', 400),
  INVALID_METADATA: domain('INVALID_METADATA', 400),
  INVALID_CURSOR: domain('INVALID_CURSOR', 400),
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    message: 'Idempotency-Key must be 1-255 visible characters',
  },
  NOT_MULTIPART: { status: 415, message: 'expected multipart/form-data' },
  UNAUTHORIZED: { status: 401, message: 'missing or invalid API key' },
  FORBIDDEN: { status: 403, message: 'this key may not do that' },
  NOT_FOUND: { status: 404, message: 'not found' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'document not found' },
  BATCH_NOT_FOUND: { status: 404, message: 'batch not found' },
  DEAD_LETTER_NOT_FOUND: { status: 404, message: 'dead letter not found' },
  TENANT_NOT_FOUND: { status: 404, message: 'tenant not found' },
  TEXT_NOT_FOUND: { status: 404, message: 'no text has been extracted for this document' },
  DIGEST_NOT_FOUND: { status: 404, message: 'no digest exists for that day' },
  BLOB_NOT_FOUND: { status: 410, message: 'the file is no longer stored' },
  TEXT_PURGED: { status: 410, message: 'the extracted text is no longer stored' },
  REQUEST_TIMEOUT: { status: 408, message: 'the request took too long to arrive' },
  DOCUMENT_NOT_CANCELLABLE: { status: 409, message: 'the document can no longer be cancelled' },
  DOCUMENT_NOT_RETRYABLE: { status: 409, message: 'the document cannot be retried' },
  DOCUMENT_NOT_REVIEWABLE: { status: 409, message: 'the document cannot be reviewed now' },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    message: 'a request with this Idempotency-Key is running',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'this Idempotency-Key was used for a different request',
  },
  FILE_TOO_LARGE: domain('FILE_TOO_LARGE', 413),
  BLOB_TOO_LARGE: { status: 413, message: 'a file is larger than allowed' },
  TOO_MANY_FILES: domain('TOO_MANY_FILES', 413),
  URI_TOO_LONG: { status: 414, message: 'the URL is too long' },
  RATE_LIMITED: { status: 429, message: 'too many requests' },
  QUOTA_EXCEEDED: domain('QUOTA_EXCEEDED', 429),
  TOO_MANY_AUTH_FAILURES: domain('TOO_MANY_AUTH_FAILURES', 429),
  TOO_MANY_STREAMS: { status: 429, message: 'too many event streams open for this tenant' },
  HEADERS_TOO_LARGE: { status: 431, message: 'the request headers are too large' },
  TRANSITION_CONTENDED: { status: 503, message: 'the document is busy; try again' },
  UNAVAILABLE: { status: 503, message: 'a dependency is not available; try again' },
  INTERNAL: { status: 500, message: 'internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

/** Fails to compile when a domain error has no answer in `apiErrors`. */
type AnswersEvery<Codes extends string, Answers extends Record<Codes, unknown>> = keyof Answers;

export type ApiErrorCode = AnswersEvery<GatewayErrorCode, typeof apiErrors>;

export function apiError(
  code: ApiErrorCode,
  message?: string,
  details?: Record<string, unknown>,
): DocflowError {
  return new DocflowError(code, message ?? apiErrors[code].message, {
    transient: false,
    ...(details ? { details } : {}),
  });
}

/** Fastify's own error codes, by what they mean to a client. */
const FASTIFY_CODES: Record<string, ApiErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'TOO_MANY_FILES',
  FST_PARTS_LIMIT: 'TOO_MANY_FILES',
  FST_FIELDS_LIMIT: 'UNKNOWN_FIELD',
  FST_PROTO_VIOLATION: 'UNKNOWN_FIELD',
  FST_MP_PREMATURE_CLOSE: 'REQUEST_ABORTED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'NOT_MULTIPART',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'NOT_MULTIPART',
  FST_ERR_CTP_BODY_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/**
 * The one error handler: every failure leaves as `{ error, message, details? }`. The domain's and
 * the routes' errors (a DocflowError whose code `apiErrors` lists) answer with their code's status.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({
      error: 'NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    });
  });
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.code(400).send({
        error: 'VALIDATION_FAILED',
        message: `invalid ${err.validationContext ?? 'request'}: ${err.validation
          .map((v) => `${v.instancePath || '/'} ${v.message}`)
          .join('; ')}`,
        details: { issues: err.validation.map((v) => ({ path: v.instancePath, ...v.params })) },
      });
    }
    if (err instanceof DocflowError && err.code in apiErrors) {
      const known = apiErrors[err.code as ApiErrorCode];
      // a refusal that ends with a window (quotas, failed key checks) says when to come back
      const retryAfter = err.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      return reply.code(known.status).send({
        error: err.code,
        message: err.message,
        ...(err.details ? { details: err.details } : {}),
      });
    }
    if (err instanceof DocflowError && err.isTransient) {
      request.log.warn({ err }, 'dependency failure');
      return reply.code(503).send({ error: 'UNAVAILABLE', message: err.message });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      return reply
        .code(apiErrors[mapped].status)
        .send({ error: mapped, message: err.message || apiErrors[mapped].message });
    }
    if (err.statusCode === 429) {
      return reply.code(429).send({ error: 'RATE_LIMITED', message: err.message });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: 'BAD_REQUEST', message: err.message });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'INTERNAL', message: 'internal error' });
  });
}
