import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  countQuerySchema,
  documentCountsSchema,
  documentPageSchema,
  documentViewSchema,
  idParamsSchema,
  listQuerySchema,
  textQuerySchema,
  textViewSchema,
} from '@docflow/contracts';
import { joinPages } from '@docflow/documents';
import { listDocuments } from '../../adapters/document-listing';
import type { AppDeps } from '../../app-deps';
import { decodeCursor, encodeCursor } from '../../domain/cursor';
import { tenantOf } from '../auth';
import { baseUrl } from '../base-url';
import { documentView } from '../../domain/document-view';
import { textView } from '../../domain/text-view';
import { apiError } from '../errors';
import { errorResponses } from '../schemas';
import { multipartUpload, upload, uploadResponses } from '../upload';

/** Upload, list and read documents. */
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
        const { limit, cursor, createdFrom, createdTo, ...filters } = request.query;
        const page = await listDocuments(
          deps.documents,
          tenantOf(request)._id,
          {
            ...filters,
            ...(createdFrom ? { createdFrom: new Date(createdFrom) } : {}),
            ...(createdTo ? { createdTo: new Date(createdTo) } : {}),
          },
          { limit, ...(cursor ? { after: decodeCursor(cursor) } : {}) },
        );
        return {
          items: page.items.map((r) => ({
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
          nextCursor: page.next ? encodeCursor(page.next) : null,
        };
      },
    );

    app.get(
      '/v1/documents/counts',
      {
        schema: {
          summary: "How many of the caller's documents are in each status",
          description:
            'The list filters but `status` (what is counted) and the page; one aggregation, cheap enough to ask again after each live event.',
          tags: ['documents'],
          querystring: countQuerySchema,
          response: { 200: documentCountsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { createdFrom, createdTo, ...filters } = request.query;
        const byStatus = await deps.documentCounts.byStatus(tenantOf(request)._id, {
          ...filters,
          ...(createdFrom ? { createdFrom: new Date(createdFrom) } : {}),
          ...(createdTo ? { createdTo: new Date(createdTo) } : {}),
        });
        return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
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
          description:
            'With `include=words`, each page also carries its words with their boxes (fractions of the page, from its top-left corner) and confidence, and `fields` names the words each extracted field covers, so a reviewer can be shown where a value came from. Documents read before words were kept have none.',
          tags: ['documents'],
          params: idParamsSchema,
          querystring: textQuerySchema,
          response: { 200: textViewSchema, 410: errorResponses[404], ...errorResponses },
        },
      },
      async (request) => {
        const record = await deps.documents.get(tenantOf(request)._id, request.params.id);
        if (!record) throw apiError('DOCUMENT_NOT_FOUND');
        if (record.purgedAt) throw purged('TEXT_PURGED', 'extracted text', record.purgedAt);
        if (!record.text) throw apiError('TEXT_NOT_FOUND');
        const withWords = request.query.include === 'words';
        const text = await deps.texts.load(record.text.ref, { words: withWords });
        if (!withWords)
          return {
            documentId: record._id,
            totalChars: joinPages(text.pages).length,
            pages: text.pages.map(({ page, text: pageText }) => ({ page, text: pageText })),
          };
        return textView(record._id, text, record.result);
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
