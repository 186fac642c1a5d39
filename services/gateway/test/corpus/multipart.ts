import type { RawRequest } from './raw-http';

/** One part of a hand-built multipart body; every byte of it can be wrong on purpose. */
export interface Part {
  name: string;
  /** Omitted: the part is a plain field. A Buffer goes out as raw bytes (e.g. invalid UTF-8). */
  filename?: string | Buffer;
  /** Replaces the whole Content-Disposition value. */
  disposition?: string;
  /** Content-Type of the part; null sends none. */
  type?: string | null;
  content?: string | Buffer;
}

export const BOUNDARY = 'corpus-boundary-7d1f';

/** The parts framed by `boundary`; `close: false` leaves out the closing delimiter. */
export function multipartBody(
  parts: Part[],
  options: { boundary?: string; close?: boolean } = {},
): Buffer {
  const boundary = options.boundary ?? BOUNDARY;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.disposition !== undefined
        ? Buffer.from(part.disposition)
        : Buffer.concat([
            Buffer.from(`form-data; name="${part.name}"`),
            part.filename === undefined
              ? Buffer.alloc(0)
              : Buffer.concat([
                  Buffer.from('; filename="'),
                  Buffer.from(part.filename),
                  Buffer.from('"'),
                ]),
          ]);
    const type =
      part.type === null
        ? ''
        : `Content-Type: ${part.type ?? (part.filename === undefined ? 'text/plain' : 'application/octet-stream')}\r\n`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: `),
      disposition,
      Buffer.from(`\r\n${type}\r\n`),
      Buffer.from(part.content ?? ''),
      Buffer.from('\r\n'),
    );
  }
  if (options.close !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A file part in the field `file`. */
export function file(
  filename: string | Buffer,
  content: string | Buffer = PDF,
  type?: string,
): Part {
  return { name: 'file', filename, content, ...(type ? { type } : {}) };
}

/** A plain field part. */
export function field(name: string, value: string): Part {
  return { name, content: value };
}

/** POST of a multipart body to an upload route with a tenant key. */
export function upload(
  key: string,
  parts: Part[],
  options: {
    path?: string;
    contentType?: string;
    headers?: [string, string | Buffer][];
    close?: boolean;
    boundary?: string;
  } = {},
): RawRequest {
  return {
    method: 'POST',
    path: options.path ?? '/v1/documents',
    headers: [
      ['authorization', `Bearer ${key}`],
      ['content-type', options.contentType ?? `multipart/form-data; boundary=${BOUNDARY}`],
      ...(options.headers ?? []),
    ],
    body: multipartBody(parts, {
      ...(options.boundary ? { boundary: options.boundary } : {}),
      ...(options.close !== undefined ? { close: options.close } : {}),
    }),
  };
}
