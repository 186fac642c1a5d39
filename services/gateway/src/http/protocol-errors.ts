import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiErrors, type ApiErrorCode } from './errors';

/** What Node's HTTP parser refused, by its error code. */
const PARSER_CODES: Record<string, ApiErrorCode> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

/**
 * Requests Node's HTTP parser refuses before any route runs (a header over the size limit, an
 * unknown method, a malformed header or body framing) get the API's one error body too.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const code = (err.code && PARSER_CODES[err.code]) || 'BAD_REQUEST';
  const { status } = apiErrors[code];
  const body = JSON.stringify({
    error: code,
    message: `${apiErrors[code].message}${err.code ? ` (${err.code})` : ''}`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Answers 408 to a request whose body is still arriving `timeoutMs` after it began, and drops the
 * connection: the handler reading it then fails like on a hang-up and cleans up. Node's own
 * `requestTimeout` stops watching once the request reaches its handler, so a client trickling an
 * upload would otherwise hold it (and the upload's partial file) for as long as it likes.
 */
export function enforceRequestTimeout(app: FastifyInstance, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  app.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      const socket = request.raw.socket;
      if (request.raw.complete || socket.destroyed) return;
      if (reply.raw.headersSent) socket.destroy();
      else {
        answerClientError(
          Object.assign(new Error('request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
          socket,
        );
        socket.once('finish', () => socket.destroy());
      }
    }, timeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    reply.raw.once('finish', clear);
    reply.raw.once('close', clear);
    done();
  });
}

/** Errors the router raises before any route runs: a URL it cannot decode, a path part too long. */
export function answerFrameworkError(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code: ApiErrorCode =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'BAD_REQUEST';
  void reply.code(apiErrors[code].status).send({
    error: code,
    message:
      code === 'URI_TOO_LONG'
        ? 'a part of the URL path is longer than any identifier'
        : err.code === 'FST_ERR_BAD_URL'
          ? 'the URL cannot be decoded (malformed percent-encoding)'
          : err.message,
  });
}
