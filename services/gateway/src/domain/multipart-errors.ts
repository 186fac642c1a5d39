import { gatewayError } from './errors';

/**
 * The multipart parser (busboy) reports a malformed body (no boundary, a body cut short, a part
 * ended early) with plain `Error`s; everything else that can fail while reading an upload
 * (storage, our own refusals, Node's stream errors) carries a class or a code of its own. A
 * malformed body is the client's mistake: MULTIPART_INVALID (400), not an internal error.
 */
export function asMultipartError(err: unknown): unknown {
  const plain =
    err instanceof Error &&
    Object.getPrototypeOf(err) === Error.prototype &&
    (err as { code?: unknown }).code === undefined;
  return plain
    ? gatewayError(
        'MULTIPART_INVALID',
        `the multipart body is malformed: ${(err as Error).message}`,
      )
    : err;
}
