import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Counter } from 'prom-client';
import { z } from 'zod';
import type { AnyEvent } from '@docflow/contracts';
import { STATUS_OF_EVENT, batchProgress, isDocumentEvent } from '@docflow/documents';
import type { AppDeps } from '../../app-deps';
import { documentView } from '../../domain/document-view';
import { tenantOf } from '../auth';
import { baseUrl } from '../base-url';
import { apiError } from '../errors';
import { openEventStream } from '../event-stream';
import { errorResponses } from '../schemas';

const querySchema = z.object({
  documentId: z.uuid().optional(),
  batchId: z.uuid().optional(),
});

/** What a client sees of an event: enough to update a progress view without another request. */
export function liveMessage(event: AnyEvent): Record<string, unknown> {
  const status = isDocumentEvent(event) ? STATUS_OF_EVENT[event.type] : null;
  const p = event.payload as Record<string, unknown>;
  const summary: Record<string, unknown> = {};
  for (const key of [
    'reason',
    'docType',
    'confidence',
    'stage',
    'records',
    'detectedType',
    'totalChars',
  ])
    if (p[key] !== undefined) summary[key] = p[key];
  if (event.type === 'document.failed') summary.error = event.payload.error;
  return {
    eventId: event.eventId,
    type: event.type,
    documentId: event.documentId ?? null,
    status,
    attempt: event.attempt,
    occurredAt: event.occurredAt,
    summary,
  };
}

/**
 * Server-Sent Events of a tenant's documents, filtered by document or batch. Every connection (and
 * reconnection, with or without `Last-Event-ID`) first gets a `snapshot` of the current state, then
 * live events; comments every SSE_HEARTBEAT_MS keep proxies from closing the stream. A tenant holds
 * at most SSE_MAX_CONNECTIONS_PER_TENANT streams on this replica (the next is refused 429), and a
 * stream whose client does not read is dropped past SSE_MAX_BUFFER_BYTES (see `openEventStream`).
 */
export function eventRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const { config } = deps;
    const open = new Set<() => void>();
    /** Open streams per tenant on this replica. */
    const held = new Map<string, number>();
    const release = (tenantId: string): void => {
      const left = (held.get(tenantId) ?? 1) - 1;
      if (left > 0) held.set(tenantId, left);
      else held.delete(tenantId);
    };
    const dropped = new Counter({
      name: 'docflow_sse_dropped_total',
      help: 'Event streams the gateway closed because their client did not keep up, by reason.',
      labelNames: ['reason'] as const,
      registers: [deps.metrics.registry],
    });
    app.addHook('preClose', async () => {
      for (const end of [...open]) end();
    });
    app.get(
      '/v1/events',
      {
        config: { rateLimit: false },
        schema: {
          summary: 'Live progress as Server-Sent Events (filter by documentId or batchId)',
          description:
            'text/event-stream. First a `snapshot` event with the current state, then one event per pipeline event (`id` = event id), and `: heartbeat` comments.',
          tags: ['events'],
          querystring: querySchema,
          response: { 200: z.string().describe('text/event-stream'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const tenant = tenantOf(request);
        const holding = held.get(tenant._id) ?? 0;
        if (holding >= config.SSE_MAX_CONNECTIONS_PER_TENANT)
          throw apiError(
            'TOO_MANY_STREAMS',
            `this tenant already has ${holding} event streams open on this server (SSE_MAX_CONNECTIONS_PER_TENANT ${config.SSE_MAX_CONNECTIONS_PER_TENANT}); close one, or follow a batch instead of each document`,
            { limit: 'SSE_MAX_CONNECTIONS_PER_TENANT', max: config.SSE_MAX_CONNECTIONS_PER_TENANT },
          );
        // counted before the snapshot's reads, so concurrent requests cannot all slip under the cap
        held.set(tenant._id, holding + 1);
        let streaming = false;
        try {
          await stream(request, reply, tenant._id, request.query);
          streaming = true;
        } finally {
          if (!streaming) release(tenant._id);
        }
      },
    );

    async function stream(
      request: FastifyRequest,
      reply: FastifyReply,
      tenantId: string,
      { documentId, batchId }: z.infer<typeof querySchema>,
    ): Promise<void> {
      const base = baseUrl(request, config.PUBLIC_BASE_URL);
      let snapshot: unknown = null;
      let members: Set<string> | null = null;
      if (documentId) {
        const record = await deps.documents.get(tenantId, documentId);
        if (!record) throw apiError('DOCUMENT_NOT_FOUND');
        snapshot = { document: documentView(record, base) };
      }
      if (batchId) {
        const batch = await deps.batches.get(tenantId, batchId);
        if (!batch) throw apiError('BATCH_NOT_FOUND');
        members = new Set(batch.documentIds);
        const rows = await deps.batches.rows(tenantId, batchId);
        snapshot = {
          batch: { id: batchId, ...batchProgress(batch.total, batch.createdAt, rows) },
          documents: rows.map((r) => ({ id: r._id, status: r.status, stage: r.stage })),
        };
      }

      reply.hijack();
      request.raw.socket.setTimeout(0); // the idle timeout is not for streams
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const events = openEventStream(raw, {
        maxBufferBytes: config.SSE_MAX_BUFFER_BYTES,
        onDrop: (reason) => {
          dropped.inc({ reason });
          request.log.warn({ tenantId, reason }, 'event stream dropped');
          end();
        },
      });
      events.send('retry: 3000\n\n');
      if (snapshot) events.send(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);

      const unsubscribe = deps.liveFeed.subscribe((event) => {
        if (event.tenantId !== tenantId) return;
        if (documentId && event.documentId !== documentId) return;
        if (members && (!event.documentId || !members.has(event.documentId))) return;
        events.send(
          `id: ${event.eventId}\nevent: ${event.type}\ndata: ${JSON.stringify(liveMessage(event))}\n\n`,
        );
      });
      const heartbeat = setInterval(() => events.send(': heartbeat\n\n'), config.SSE_HEARTBEAT_MS);
      let ended = false;
      function end(): void {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        release(tenantId);
        events.end();
      }
      open.add(end);
      request.raw.on('close', end);
    }
  };
}
