import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  acceptedSchema,
  batchViewSchema,
  deadLetterSchema,
  documentViewSchema,
  errorBodySchema,
} from '@docflow/contracts';
import { GatewayError } from './cli-errors';
import { readServerSentEvents, type ServerSentEvent } from '@docflow/event-stream';

export type Accepted = z.infer<typeof acceptedSchema>;
export type DocumentView = z.infer<typeof documentViewSchema>;
export type BatchView = z.infer<typeof batchViewSchema>;
export type DeadLetter = z.infer<typeof deadLetterSchema>;

/** A file to upload: its name and its bytes (e.g. from `fs.openAsBlob`). */
export interface UploadFile {
  filename: string;
  content: Blob;
}

export interface GatewayClientOptions {
  /** Base URL, without a trailing slash. */
  url: string;
  key: string;
  /** Where the key came from (e.g. DOCFLOW_API_KEY), named when the gateway refuses it. */
  keyName?: string;
  /** Times a request answered 429 is sent again after its Retry-After (default 3). */
  rateLimitRetries?: number;
  /** The longest Retry-After honoured by waiting; a longer one fails at once (default 30 s). */
  maxRetryAfterSeconds?: number;
  /** Told before each wait for a rate limit. */
  onRateLimited?: (seconds: number) => void;
  /** Time limit of each request but uploads and the event stream (default 30 s). */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<unknown>;
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;

interface RequestOptions<S extends z.ZodType> {
  schema: S;
  body?: () => FormData | undefined;
  headers?: Record<string, string>;
  subject?: string;
  timeout?: boolean;
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); undefined when absent. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The REST API of a running gateway, for the command line and the demo. */
export function createGatewayClient(options: GatewayClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const wait = options.sleep ?? sleep;
  const keyName = options.keyName ?? 'the API key';
  const retries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRetryAfterSeconds ?? 30;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;

  /** Sends one request, handling refusals; the response is OK. */
  async function send(
    method: string,
    path: string,
    init: Omit<RequestOptions<z.ZodType>, 'schema'> & { signal?: AbortSignal },
  ): Promise<Response> {
    const request = `${method} ${path}`;
    for (let attempt = 0; ; attempt += 1) {
      const body = init.body?.();
      const signal =
        init.signal ?? (init.timeout === false ? undefined : AbortSignal.timeout(timeoutMs));
      let response: Response;
      try {
        response = await doFetch(`${options.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${options.key}`, ...init.headers },
          ...(body ? { body } : {}),
          ...(signal ? { signal } : {}),
        });
      } catch (err) {
        if (init.signal?.aborted) throw err;
        throw unreachable(options.url, request, err);
      }
      if (response.ok) return response;
      const text = await response.text().catch(() => '');
      const seconds = retryAfterSeconds(response.headers.get('retry-after'));
      if (
        response.status === 429 &&
        attempt < retries &&
        seconds !== undefined &&
        seconds <= maxWait
      ) {
        options.onRateLimited?.(seconds);
        await wait(seconds * 1000);
        continue;
      }
      let parsed: { error: string; message: string } | null = null;
      try {
        const result = errorBodySchema.safeParse(JSON.parse(text));
        if (result.success) parsed = result.data;
      } catch {
        // not JSON: a proxy or something else answered
      }
      throw GatewayError.fromResponse({
        request,
        status: response.status,
        body: parsed,
        text,
        retryAfterSeconds: seconds,
        subject: init.subject,
        keyName,
      });
    }
  }

  async function json<S extends z.ZodType>(
    method: string,
    path: string,
    init: RequestOptions<S>,
  ): Promise<z.infer<S>> {
    const response = await send(method, path, init);
    const text = await response.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid(method, path, `not JSON: ${text.slice(0, 100)}`);
    }
    const result = init.schema.safeParse(value);
    if (!result.success)
      throw invalid(
        method,
        path,
        result.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(body)'} ${i.message}`)
          .join('; '),
      );
    return result.data;
  }

  const document = (id: string): Promise<DocumentView> =>
    json('GET', `/v1/documents/${id}`, { schema: documentViewSchema, subject: id });

  return {
    url: options.url,

    upload(
      files: readonly UploadFile[],
      opts: { batch: boolean; metadata?: Record<string, unknown>; idempotencyKey?: string },
    ): Promise<Accepted> {
      const body = () => {
        const form = new FormData();
        if (opts.metadata) form.append('metadata', JSON.stringify(opts.metadata));
        for (const f of files) form.append('file', f.content, f.filename);
        return form;
      };
      return json('POST', opts.batch ? '/v1/batches' : '/v1/documents', {
        schema: acceptedSchema,
        body,
        timeout: false,
        ...(opts.idempotencyKey ? { headers: { 'idempotency-key': opts.idempotencyKey } } : {}),
      });
    },

    document,

    /** The views of many documents, a few requests at a time, in the order of `ids`. */
    async documents(ids: readonly string[], concurrency = 8): Promise<DocumentView[]> {
      const views: DocumentView[] = new Array(ids.length);
      let next = 0;
      const worker = async () => {
        while (next < ids.length) {
          const i = next++;
          views[i] = await document(ids[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
      return views;
    },

    batch: (id: string): Promise<BatchView> =>
      json('GET', `/v1/batches/${id}`, { schema: batchViewSchema, subject: id }),

    deadLetters: async (filter: { stage?: string; limit?: number }): Promise<DeadLetter[]> => {
      const query = new URLSearchParams();
      if (filter.stage) query.set('stage', filter.stage);
      if (filter.limit) query.set('limit', String(filter.limit));
      const q = query.size > 0 ? `?${query}` : '';
      const page = await json('GET', `/v1/dead-letters${q}`, {
        schema: z.object({ items: z.array(deadLetterSchema) }),
      });
      return page.items;
    },

    replayDeadLetter: (id: string): Promise<DeadLetter> =>
      json('POST', `/v1/dead-letters/${id}/replay`, { schema: deadLetterSchema, subject: id }),

    deleteDeadLetter: async (id: string): Promise<void> => {
      await send('DELETE', `/v1/dead-letters/${id}`, { subject: id });
    },

    /** The live event stream of a batch or a document (snapshot first), until `signal` aborts. */
    async *events(
      target: { batchId: string } | { documentId: string },
      signal: AbortSignal,
    ): AsyncGenerator<ServerSentEvent> {
      const query =
        'batchId' in target ? `batchId=${target.batchId}` : `documentId=${target.documentId}`;
      const response = await send('GET', `/v1/events?${query}`, {
        signal,
        headers: { accept: 'text/event-stream' },
      });
      if (!response.body) return;
      yield* readServerSentEvents(response.body as unknown as AsyncIterable<Uint8Array>);
    },
  };
}

function unreachable(url: string, request: string, err: unknown): GatewayError {
  if ((err as { name?: unknown } | null)?.name === 'TimeoutError')
    return new GatewayError(
      'GATEWAY_TIMEOUT',
      `the gateway at ${url} did not answer ${request} in time`,
      null,
      { cause: err },
    );
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return new GatewayError(
    'GATEWAY_UNREACHABLE',
    `cannot reach the gateway at ${url} (${why}); is it running? (set DOCFLOW_URL to its address)`,
    null,
    { cause: err },
  );
}

const invalid = (method: string, path: string, why: string) =>
  new GatewayError(
    'GATEWAY_RESPONSE_INVALID',
    `unexpected answer of the gateway to ${method} ${path}: ${why}`,
    null,
  );
