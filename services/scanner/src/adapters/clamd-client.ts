import { Socket } from 'node:net';
import { z } from 'zod';
import { permanentError, transientError } from '@docflow/platform';

export type ScanVerdict = { infected: false } | { infected: true; signature: string };

export interface ClamdClient {
  /** Streams the bytes to clamd (INSTREAM) and returns its verdict. */
  scan(bytes: Buffer): Promise<ScanVerdict>;
  ping(): Promise<boolean>;
}

export interface ClamdOptions {
  host: string;
  port: number;
  timeoutMs: number;
  chunkBytes: number;
}

/** One clamd reply line (without its NUL terminator), validated before it is believed. */
const replySchema = z
  .string()
  .max(4096)
  .transform((line, ctx): ScanVerdict | { error: string } => {
    if (/^stream: OK$/.test(line)) return { infected: false };
    const found = /^stream: (.+) FOUND$/.exec(line);
    if (found) return { infected: true, signature: found[1]! };
    const error = /^(.*) ERROR$/.exec(line);
    if (error) return { error: error[1]! };
    ctx.addIssue({ code: 'custom', message: `unexpected clamd reply "${line.slice(0, 200)}"` });
    return z.NEVER;
  });

/**
 * A clamd client speaking the documented INSTREAM protocol over TCP: `zINSTREAM\0`, then chunks of
 * <4-byte big-endian length><data>, then a zero length; clamd answers one NUL-terminated line.
 * Network failures are transient (the document retries later); a reply clamd marks ERROR
 * (e.g. its size limit) is permanent.
 */
export function createClamdClient(options: ClamdOptions): ClamdClient {
  const exchange = (write: (socket: Socket) => void): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = new Socket();
      const chunks: Buffer[] = [];
      let settled = false;
      // a slow reply may be this file's fault; a refused or dropped connection is an outage
      const finish = (err: Error | null, reply?: string, outage = true): void => {
        if (settled) return;
        settled = true;
        socket.destroy();
        if (err)
          reject(
            transientError(
              'CLAMD_UNAVAILABLE',
              `clamd at ${options.host}:${options.port}: ${err.message}`,
              { cause: err, outage },
            ),
          );
        else resolve(reply!);
      };
      socket.setTimeout(options.timeoutMs, () =>
        finish(new Error(`no reply in ${options.timeoutMs} ms`), undefined, false),
      );
      socket.on('error', (err) => finish(err));
      socket.on('data', (data: Buffer) => {
        chunks.push(data);
        const all = Buffer.concat(chunks);
        const end = all.indexOf(0);
        if (end >= 0) finish(null, all.subarray(0, end).toString('utf8'));
      });
      socket.on('end', () => {
        const all = Buffer.concat(chunks);
        if (all.length > 0) finish(null, all.toString('utf8').replace(/\0$/, ''));
        else finish(new Error('connection closed without a reply'));
      });
      socket.connect(options.port, options.host, () => write(socket));
    });

  return {
    async scan(bytes) {
      const raw = await exchange((socket) => {
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < bytes.length; offset += options.chunkBytes) {
          const chunk = bytes.subarray(offset, offset + options.chunkBytes);
          const length = Buffer.alloc(4);
          length.writeUInt32BE(chunk.length);
          socket.write(length);
          socket.write(chunk);
        }
        socket.write(Buffer.alloc(4));
      });
      const parsed = replySchema.safeParse(raw.trim());
      if (!parsed.success)
        throw transientError(
          'CLAMD_BAD_REPLY',
          parsed.error.issues[0]?.message ?? 'bad clamd reply',
        );
      if ('error' in parsed.data)
        throw permanentError('CLAMD_REFUSED', `clamd refused the file: ${parsed.data.error}`);
      return parsed.data;
    },
    async ping() {
      try {
        return (await exchange((socket) => socket.write('zPING\0'))).trim() === 'PONG';
      } catch {
        return false;
      }
    },
  };
}

/** tcp://host:port → host and port. */
export function parseClamdUrl(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 3310) };
}
