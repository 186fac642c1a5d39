import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnyEvent } from '@docflow/contracts';
import { STATUS_OF_EVENT, batchProgress, isDocumentEvent } from '@docflow/documents';
import type { AppDeps } from '../../app-deps';
import { documentView } from '../../domain/document-view';
import { tenantOf } from '../auth';
import { baseUrl } from '../base-url';
import { apiError } from '../errors';
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
 * live events; comments every SSE_HEARTBEAT_MS keep proxies from closing the stream.
 */
export function eventRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const open = new Set<() => void>();
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
        const { documentId, batchId } = request.query;
        const base = baseUrl(request, deps.config.PUBLIC_BASE_URL);
        let snapshot: unknown = null;
        let members: Set<string> | null = null;
        if (documentId) {
          const record = await deps.documents.get(tenant._id, documentId);
          if (!record) throw apiError('DOCUMENT_NOT_FOUND');
          snapshot = { document: documentView(record, base) };
        }
        if (batchId) {
          const batch = await deps.batches.get(tenant._id, batchId);
          if (!batch) throw apiError('BATCH_NOT_FOUND');
          members = new Set(batch.documentIds);
          const rows = await deps.batches.rows(tenant._id, batchId);
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
        raw.write('retry: 3000\n\n');
        if (snapshot) raw.write(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);

        const unsubscribe = deps.liveFeed.subscribe((event) => {
          if (event.tenantId !== tenant._id) return;
          if (documentId && event.documentId !== documentId) return;
          if (members && (!event.documentId || !members.has(event.documentId))) return;
          raw.write(
            `id: ${event.eventId}\nevent: ${event.type}\ndata: ${JSON.stringify(liveMessage(event))}\n\n`,
          );
        });
        const heartbeat = setInterval(
          () => raw.write(': heartbeat\n\n'),
          deps.config.SSE_HEARTBEAT_MS,
        );
        const end = (): void => {
          clearInterval(heartbeat);
          unsubscribe();
          open.delete(end);
          if (!raw.writableEnded) raw.end();
        };
        open.add(end);
        request.raw.on('close', end);
      },
    );
  };
}
