import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdempotencyKeys } from '../adapters/idempotency-keys';
import { apiError } from './errors';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Identifies a request's content, so a key reused for another request is caught. */
export interface RequestFingerprint<T> {
  /** The fingerprint of the request `work` just answered. */
  of(result: T): string;
  /** The fingerprint of a repeated request, read from its body without acting on it. */
  read(): Promise<string>;
}

/**
 * Runs `work` once per `Idempotency-Key` and tenant: a repeated key answers the first response
 * (with `Idempotent-Replayed: true`), a key still running answers 409, a failed request frees it.
 * With a `fingerprint`, a key repeated with a different request answers 422 instead of the first
 * response, which would otherwise stand for a request that was never carried out.
 */
export async function withIdempotency<T>(
  keys: IdempotencyKeys,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: { tenantId: string; route: string; status: number },
  work: () => Promise<T>,
  fingerprint?: RequestFingerprint<T>,
): Promise<T> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return work();
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !KEY_PATTERN.test(key)) throw apiError('INVALID_IDEMPOTENCY_KEY');
  const claim = await keys.begin(scope.tenantId, scope.route, key);
  if (claim.state === 'replay') {
    if (fingerprint && claim.fingerprint && (await fingerprint.read()) !== claim.fingerprint)
      throw apiError(
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was first used for a different request; send a new key',
      );
    void reply.header('idempotent-replayed', 'true').code(claim.status);
    return claim.body as T;
  }
  if (claim.state === 'running') {
    void reply.header('retry-after', '1');
    throw apiError('IDEMPOTENCY_IN_PROGRESS');
  }
  try {
    const body = await work();
    await keys.complete(
      scope.tenantId,
      scope.route,
      key,
      scope.status,
      body,
      fingerprint?.of(body),
    );
    return body;
  } catch (err) {
    await keys.abandon(scope.tenantId, scope.route, key).catch(() => undefined);
    throw err;
  }
}
