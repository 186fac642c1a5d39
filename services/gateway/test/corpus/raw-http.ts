import { connect } from 'node:net';

/** A request as bytes on the wire: nothing is normalised, checked or completed for us. */
export interface RawRequest {
  method: string;
  path: string;
  /** Sent in order, as given; a Buffer value goes out byte for byte. */
  headers?: [string, string | Buffer][];
  body?: string | Buffer;
  /** Overrides the Content-Length that would be computed from `body`; null sends none. */
  contentLength?: number | null;
  /** Ends the connection right after sending, before any answer (a client that went away). */
  hangUp?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

const CRLF = '\r\n';

/** The request's bytes: request line, headers (plus Host, Connection: close, Content-Length), body. */
export function encodeRequest(request: RawRequest): Buffer {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const lines: Buffer[] = [Buffer.from(`${request.method} ${request.path} HTTP/1.1${CRLF}`)];
  const headers: [string, string | Buffer][] = [
    ['host', '127.0.0.1'],
    ['connection', 'close'],
    ...(request.headers ?? []),
  ];
  const length = request.contentLength === undefined ? body.length : request.contentLength;
  if (length !== null && (request.body !== undefined || request.contentLength !== undefined))
    headers.push(['content-length', String(length)]);
  for (const [name, value] of headers)
    lines.push(Buffer.concat([Buffer.from(`${name}: `), Buffer.from(value), Buffer.from(CRLF)]));
  lines.push(Buffer.from(CRLF), body);
  return Buffer.concat(lines);
}

/**
 * Sends the bytes over a fresh TCP connection and reads the answer until the server closes it.
 * Resolves null when the connection ends without an answer (or `hangUp` was asked).
 */
export function sendRaw(
  port: number,
  request: RawRequest,
  timeoutMs = 15_000,
): Promise<RawResponse | null> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${request.method} ${request.path} in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('connect', () => {
      socket.write(encodeRequest(request));
      if (request.hangUp) socket.end();
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // the server may answer before reading the whole body, then reset: the answer still counts
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(chunks.length > 0 ? parseResponse(Buffer.concat(chunks)) : null);
    });
  });
}

export function parseResponse(bytes: Buffer): RawResponse {
  const end = bytes.indexOf(`${CRLF}${CRLF}`);
  const head = bytes.subarray(0, end < 0 ? bytes.length : end).toString('latin1');
  const [statusLine = '', ...headerLines] = head.split(CRLF);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers, text, json };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf(CRLF, at);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
