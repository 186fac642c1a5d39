import type { FastifyRequest } from 'fastify';
import { DocflowError } from '@docflow/platform';
import type { IncomingPart } from '../domain/intake';
import { apiError } from './errors';

export interface PartLimits {
  fileSize: number;
  files: number;
  fields: number;
  fieldSize: number;
  parts: number;
}

/**
 * The parts of a multipart upload, parsed only when iterated (so a malformed body fails where the
 * intake decides its refusal and cleans up). Iterable more than once: a repeated Idempotency-Key
 * reads the body again to compare it with the first request.
 */
export function uploadParts(
  request: FastifyRequest,
  limits: PartLimits,
): AsyncIterable<IncomingPart> {
  return {
    [Symbol.asyncIterator]: () => {
      // a client gone before parsing starts never ends its parts: nothing would settle the request
      if (request.raw.destroyed) throw aborted();
      return (request.parts({ limits }) as AsyncIterable<IncomingPart>)[Symbol.asyncIterator]();
    },
  };
}

/** Whatever broke an upload after its client went away (a stream cut short) is that leaving. */
export function asClientGone(request: FastifyRequest, err: unknown): unknown {
  const cutShort = request.raw.destroyed && !request.raw.complete;
  return cutShort && !(err instanceof DocflowError) ? aborted() : err;
}

const aborted = () =>
  apiError('REQUEST_ABORTED', 'the client closed the request before its body was read');
