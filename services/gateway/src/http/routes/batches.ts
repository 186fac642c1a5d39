import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { batchActionSchema, batchViewSchema, idParamsSchema } from '@docflow/contracts';
import { batchProgress, type DocumentCommand } from '@docflow/documents';
import type { AppDeps } from '../../app-deps';
import { tenantOf } from '../auth';
import { apiError } from '../errors';
import { errorResponses } from '../schemas';
import { multipartUpload, upload, uploadResponses } from '../upload';
import { runCommand } from '../run-command';

/** Batches: many files in one upload, followed, retried or cancelled together. */
export function batchRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const loadBatch = async (tenantId: string, id: string) => {
    const batch = await deps.batches.get(tenantId, id);
    if (!batch) throw apiError('BATCH_NOT_FOUND');
    return batch;
  };

  /** Runs a command on every document of a batch that `eligible` selects. */
  const forEach = async (
    tenantId: string,
    id: string,
    eligible: (status: string) => boolean,
    command: DocumentCommand,
  ) => {
    await loadBatch(tenantId, id);
    const rows = await deps.batches.rows(tenantId, id);
    const affected: string[] = [];
    const skipped: { id: string; reason: string }[] = [];
    for (const row of rows) {
      if (!eligible(row.status)) {
        skipped.push({ id: row._id, reason: `status is ${row.status}` });
        continue;
      }
      try {
        await runCommand(deps, tenantId, row._id, command);
        affected.push(row._id);
      } catch (err) {
        skipped.push({ id: row._id, reason: (err as Error).message });
      }
    }
    return { batchId: id, affected, skipped };
  };

  return async (app) => {
    app.post(
      '/v1/batches',
      {
        schema: {
          summary: 'Upload many files as one batch',
          description:
            'Like POST /v1/documents, with more files allowed; answers the batch id and its documents.',
          tags: ['batches'],
          ...multipartUpload,
          response: uploadResponses,
        },
      },
      async (request, reply) => upload(deps, request, reply, true),
    );

    app.get(
      '/v1/batches/:id',
      {
        schema: {
          summary: 'Batch progress: counts by status and stage, percent done, latency percentiles',
          tags: ['batches'],
          params: idParamsSchema,
          response: { 200: batchViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const tenantId = tenantOf(request)._id;
        const batch = await loadBatch(tenantId, request.params.id);
        const rows = await deps.batches.rows(tenantId, batch._id);
        const progress = batchProgress(batch.total, batch.createdAt, rows);
        return {
          id: batch._id,
          ...progress,
          startedAt: progress.startedAt.toISOString(),
          finishedAt: progress.finishedAt ? progress.finishedAt.toISOString() : null,
          documents: rows.map((r) => ({
            id: r._id,
            filename: r.filename,
            status: r.status,
            stage: r.stage,
          })),
        };
      },
    );

    app.post(
      '/v1/batches/:id/retry',
      {
        schema: {
          summary: 'Retry the failed documents of a batch',
          tags: ['batches'],
          params: idParamsSchema,
          response: { 200: batchActionSchema, ...errorResponses },
        },
      },
      async (request) =>
        forEach(tenantOf(request)._id, request.params.id, (s) => s === 'failed', {
          kind: 'retry',
          by: 'batch',
        }),
    );

    app.post(
      '/v1/batches/:id/cancel',
      {
        schema: {
          summary: 'Cancel every document of a batch that is not finished',
          tags: ['batches'],
          params: idParamsSchema,
          response: { 200: batchActionSchema, ...errorResponses },
        },
      },
      async (request) =>
        forEach(
          tenantOf(request)._id,
          request.params.id,
          (s) => !['published', 'rejected', 'cancelled'].includes(s),
          { kind: 'cancel', by: 'batch', reason: 'batch cancelled' },
        ),
    );
  };
}
