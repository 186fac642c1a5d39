import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { TextDocument } from './text-documents';

/** Documents per second offered to the gateway, or as fast as `MAX_LOAD_CONNECTIONS` uploaders go. */
export type OfferedLoad = number | 'max';

/** Uploaders in flight at the `max` load (and at most at a bounded rate). */
export const MAX_LOAD_CONNECTIONS = 16;

export interface Upload {
  documentId: string;
  /** Epoch ms when the request was sent and when its 202 arrived. */
  sentAt: number;
  acceptedAt: number;
}

function multipart(doc: TextDocument): { body: Buffer; contentType: string } {
  const boundary = `----docflow${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${doc.filename}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    doc.body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function post(
  agent: Agent,
  port: number,
  apiKey: string,
  part: { body: Buffer; contentType: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/documents',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': part.contentType,
          'content-length': part.body.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 202) return reject(new Error(`upload: ${res.statusCode} ${text}`));
          resolve((JSON.parse(text) as { documents: { id: string }[] }).documents[0]!.id);
        });
      },
    );
    req.on('error', reject);
    req.end(part.body);
  });
}

/**
 * Uploads every document (one file per request, over keep-alive connections, round robin over the
 * gateway replicas) at the offered load: a bounded rate sends document i at start + i / rate
 * (open loop, so a slow pipeline does not slow the arrivals); `max` keeps a fixed number of uploads
 * in flight.
 */
export async function uploadAll(
  docs: readonly TextDocument[],
  target: { ports: number[]; apiKey: string },
  load: OfferedLoad,
): Promise<Upload[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_LOAD_CONNECTIONS });
  const parts = docs.map(multipart);
  const uploads: Upload[] = new Array(docs.length);
  const start = performance.timeOrigin + performance.now();
  const send = async (i: number): Promise<void> => {
    const sentAt = Date.now();
    const port = target.ports[i % target.ports.length]!;
    const documentId = await post(agent, port, target.apiKey, parts[i]!);
    uploads[i] = { documentId, sentAt, acceptedAt: Date.now() };
  };
  try {
    if (load === 'max') {
      let next = 0;
      await Promise.all(
        Array.from({ length: MAX_LOAD_CONNECTIONS }, async () => {
          while (next < docs.length) await send(next++);
        }),
      );
    } else {
      const pending: Promise<void>[] = [];
      for (let i = 0; i < docs.length; i++) {
        const due = start + (i * 1000) / load - (performance.timeOrigin + performance.now());
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
        pending.push(send(i));
      }
      await Promise.all(pending);
    }
    return uploads;
  } finally {
    agent.destroy();
  }
}
