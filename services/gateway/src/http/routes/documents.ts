import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Filter } from 'mongodb';
import { z } from 'zod';
import {
  acceptedSchema,
  documentPageSchema,
  documentViewSchema,
  idParamsSchema,
  listQuerySchema,
  textViewSchema,
} from '@docflow/contracts';
import { joinPages, type DocumentRecord } from '@docflow/documents';
import type { AppDeps } from '../../app';
import { decodeCursor, encodeCursor } from '../../domain/cursor';
import { documentView } from '../../domain/document-view';
import { readUploadFingerprint } from '../../domain/upload-fingerprint';
import { tenantOf } from '../auth';
import { baseUrl } from '../base-url';
import { apiError } from '../errors';
import { withIdempotency } from '../idempotency';
import { asClientGone, uploadParts } from '../upload-parts';
import { errorResponses } from '../schemas';

export const multipartUpload = {
  consumes: ['multipart/form-data'],
  multipartBody: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'array',
        items: { type: 'string', format: 'binary' },
        description: 'One or more files (PDF, images, text, CSV, XLSX, DOCX).',
      },
      metadata: { type: 'string', description: 'Optional JSON object kept with each document.' },
    },
  },
};

/** Upload, list and read documents. */
/** Responses of the two upload routes (POST /v1/documents and POST /v1/batches). */
export const uploadResponses = {
  202: acceptedSchema,
  413: errorResponses[400],
  415: errorResponses[400],
  422: errorResponses[400],
  ...errorResponses,
};

export function documentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { config } = deps;
  return async (app) => {
    app.post(
      '/v1/documents',
      {
        schema: {
          summary: 'Upload one or more files; each becomes a document',
          description:
            'multipart/form-data with files in the field `file` and an optional `metadata` JSON object. Files are streamed into storage; size limits are enforced while streaming (413). Send `Idempotency-Key` to make retries safe: the same key answers the first response, and 422 when it comes with a different upload.',
          tags: ['documents'],
          ...multipartUpload,
          response: uploadResponses,
        },
      },
      async (request, reply) => upload(deps, request, reply, false),
    );

    app.get(
      '/v1/documents',
      {
        schema: {
          summary: 'List documents, newest first, with filters and cursor pagination',
          tags: ['documents'],
          querystring: listQuerySchema,
          response: { 200: documentPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const tenant = tenantOf(request);
        const q = request.query;
        const filter: Filter<DocumentRecord> = { tenantId: tenant._id };
        if (q.status) filter.status = q.status;
        if (q.batchId) filter.batchId = q.batchId;
        if (q.docType) (filter as Record<string, unknown>)['result.docType'] = q.docType;
        const created: Record<string, Date> = {};
        if (q.createdFrom) created.$gte = new Date(q.createdFrom);
        if (q.createdTo) created.$lt = new Date(q.createdTo);
        if (Object.keys(created).length > 0) filter.createdAt = created;
        if (q.cursor) {
          const cursor = decodeCursor(q.cursor);
          filter.$or = [
            { createdAt: { $lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, _id: { $lt: cursor.id } },
          ];
        }
        const rows = await deps.documents.find(filter, {
          limit: q.limit + 1,
          sort: { createdAt: -1, _id: -1 },
        });
        const page = rows.slice(0, q.limit);
        const last = page[page.length - 1];
        return {
          items: page.map((r) => ({
            id: r._id,
            batchId: r.batchId ?? null,
            filename: r.filename,
            sizeBytes: r.sizeBytes,
            status: r.status,
            stage: r.stage,
            attempt: r.attempt,
            createdAt: r.createdAt.toISOString(),
            updatedAt: r.updatedAt.toISOString(),
            finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
            docType: r.result?.docType ?? null,
            confidence: r.result?.confidence ?? null,
          })),
          nextCursor:
            rows.length > q.limit && last
              ? encodeCursor({ createdAt: last.createdAt, id: last._id })
              : null,
        };
      },
    );

    app.get(
      '/v1/documents/:id',
      {
        schema: {
          summary: 'A document: status, stage, timeline, errors, result and destination records',
          tags: ['documents'],
          params: idParamsSchema,
          response: { 200: documentViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const record = await deps.documents.get(tenantOf(request)._id, request.params.id);
        if (!record) throw apiError('DOCUMENT_NOT_FOUND');
        return documentView(record, baseUrl(request, config.PUBLIC_BASE_URL));
      },
    );

    app.get(
      '/v1/documents/:id/file',
      {
        schema: {
          summary: 'The original file, streamed',
          tags: ['documents'],
          params: idParamsSchema,
          response: {
            200: z.any().describe('The file bytes'),
            404: errorResponses[404],
            410: errorResponses[404],
          },
        },
      },
      async (request, reply) => {
        const record = await deps.documents.get(tenantOf(request)._id, request.params.id);
        if (!record) throw apiError('DOCUMENT_NOT_FOUND');
        if (record.purgedAt) throw purged('BLOB_NOT_FOUND', 'file', record.purgedAt);
        if (record.blob.bucket !== 'blobs' || !(await deps.blobs.exists(record.blob)))
          throw apiError('BLOB_NOT_FOUND', 'the file was quarantined or removed by retention');
        const type = record.scan?.mimeType ?? 'application/octet-stream';
        void reply
          .header('content-type', type)
          .header('content-length', String(record.sizeBytes))
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(record.filename)}`,
          )
          .header('x-content-type-options', 'nosniff');
        return reply.send(deps.blobs.download(record.blob));
      },
    );

    app.get(
      '/v1/documents/:id/text',
      {
        schema: {
          summary: 'The text extracted from the document, page by page',
          tags: ['documents'],
          params: idParamsSchema,
          response: { 200: textViewSchema, 410: errorResponses[404], ...errorResponses },
        },
      },
      async (request) => {
        const record = await deps.documents.get(tenantOf(request)._id, request.params.id);
        if (!record) throw apiError('DOCUMENT_NOT_FOUND');
        if (record.purgedAt) throw purged('TEXT_PURGED', 'extracted text', record.purgedAt);
        if (!record.text) throw apiError('TEXT_NOT_FOUND');
        const text = await deps.texts.load(record.text.ref);
        return {
          documentId: record._id,
          totalChars: joinPages(text.pages).length,
          pages: text.pages,
        };
      },
    );
  };
}

/** 410 for content the retention job deleted (the record itself stays). */
function purged(code: 'BLOB_NOT_FOUND' | 'TEXT_PURGED', what: string, at: Date) {
  return apiError(
    code,
    `the ${what} was deleted on ${at.toISOString()} under the tenant's retention policy; the document record stays`,
    { purgedAt: at.toISOString() },
  );
}

/** The upload of POST /v1/documents and POST /v1/batches. */
export async function upload(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  batch: boolean,
): Promise<z.infer<typeof acceptedSchema>> {
  const tenant = tenantOf(request);
  if (!request.isMultipart())
    throw apiError('NOT_MULTIPART', 'send multipart/form-data with a "file" field');
  const { config } = deps;
  const maxFiles = batch ? config.MAX_BATCH_FILES : config.MAX_FILES_PER_REQUEST;
  const parts = uploadParts(request, {
    fileSize: config.MAX_UPLOAD_BYTES,
    files: maxFiles,
    fields: 5,
    fieldSize: config.MAX_METADATA_BYTES + 1,
    parts: maxFiles + 5,
  });
  let fingerprint = '';
  const body = await withIdempotency(
    deps.idempotencyKeys,
    request,
    reply,
    { tenantId: tenant._id, route: batch ? 'batches' : 'documents', status: 202 },
    async () => {
      const result = await deps.intake.receive(tenant._id, parts, {
        batch,
        limits: {
          maxBytes: config.MAX_UPLOAD_BYTES,
          maxFiles,
          maxMetadataBytes: config.MAX_METADATA_BYTES,
        },
      });
      fingerprint = result.fingerprint;
      const base = baseUrl(request, config.PUBLIC_BASE_URL);
      return {
        ...(result.batchId
          ? { batchId: result.batchId, batchUrl: `${base}/v1/batches/${result.batchId}` }
          : {}),
        documents: result.documents.map((d) => ({
          ...d,
          status: 'received' as const,
          statusUrl: `${base}/v1/documents/${d.id}`,
        })),
      };
    },
    { of: () => fingerprint, read: () => readUploadFingerprint(parts, config.MAX_UPLOAD_BYTES) },
  ).catch((err: unknown) => {
    throw asClientGone(request, err);
  });
  void reply.code(reply.statusCode === 200 ? 202 : reply.statusCode);
  return body;
}
