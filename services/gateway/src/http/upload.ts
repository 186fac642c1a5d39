import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { acceptedSchema } from '@docflow/contracts';
import type { AppDeps } from '../app-deps';
import { readUploadFingerprint } from '../domain/upload-fingerprint';
import { tenantOf } from './auth';
import { baseUrl } from './base-url';
import { apiError } from './errors';
import { withIdempotency } from './idempotency';
import { errorResponses } from './schemas';
import { asClientGone, uploadParts } from './upload-parts';

/** The multipart body of the two upload routes (POST /v1/documents and POST /v1/batches). */
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

/** Responses of the two upload routes (POST /v1/documents and POST /v1/batches). */
export const uploadResponses = {
  202: acceptedSchema,
  413: errorResponses[400],
  415: errorResponses[400],
  422: errorResponses[400],
  ...errorResponses,
};

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
