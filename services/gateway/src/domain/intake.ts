import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  newDocument,
  type BlobStore,
  type DocumentStore,
  type OutboxRelay,
  type StoredBlob,
} from '@docflow/documents';
import type { Logger } from '@docflow/platform';
import type { BatchRepository } from '../adapters/batch-repository';
import { apiError } from '../http/errors';

/** One part of a multipart request, as @fastify/multipart yields it. */
export type IncomingPart =
  | {
      type: 'file';
      fieldname: string;
      filename: string;
      mimetype: string;
      file: Readable & { truncated?: boolean };
    }
  | { type: 'field'; fieldname: string; value: unknown };

export interface IntakeLimits {
  maxBytes: number;
  maxFiles: number;
  maxMetadataBytes: number;
}

export interface AcceptedDocument {
  id: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
}

export interface IntakeResult {
  batchId?: string;
  documents: AcceptedDocument[];
}

const FILE_FIELDS = new Set(['file', 'files', 'file[]', 'files[]']);
const metadataSchema = z.record(z.string(), z.unknown());

export interface Intake {
  /**
   * Streams every file of the request into GridFS, then writes the document records with their
   * `document.received` events (the outbox) and publishes them. Any refusal removes what this
   * request stored, so a failed request leaves nothing behind.
   */
  receive(
    tenantId: string,
    parts: AsyncIterable<IncomingPart>,
    options: { batch: boolean; limits: IntakeLimits },
  ): Promise<IntakeResult>;
}

export function createIntake(deps: {
  blobs: BlobStore;
  documents: DocumentStore;
  outbox: OutboxRelay;
  batches: BatchRepository;
  logger: Logger;
}): Intake {
  const { blobs, documents, outbox, batches, logger } = deps;

  return {
    async receive(tenantId, parts, { batch, limits }) {
      const stored: { blob: StoredBlob; filename: string; contentType: string }[] = [];
      let metadata: Record<string, unknown> | undefined;
      try {
        for await (const part of parts) {
          if (part.type === 'field') {
            if (part.fieldname !== 'metadata')
              throw apiError(
                'UNKNOWN_FIELD',
                `unknown field "${part.fieldname}"; expected files and "metadata"`,
              );
            metadata = parseMetadata(part.value, limits.maxMetadataBytes);
            continue;
          }
          if (!FILE_FIELDS.has(part.fieldname)) {
            part.file.resume();
            throw apiError('UNKNOWN_FIELD', `unknown file field "${part.fieldname}"; use "file"`);
          }
          if (stored.length >= limits.maxFiles) {
            part.file.resume();
            throw apiError('TOO_MANY_FILES', `at most ${limits.maxFiles} files per request`);
          }
          const filename = cleanFilename(part.filename);
          const blob = await blobs.upload(part.file, {
            filename,
            contentType: part.mimetype,
            maxBytes: limits.maxBytes,
            metadata: { tenantId },
          });
          stored.push({ blob, filename, contentType: part.mimetype });
          if (part.file.truncated)
            throw apiError(
              'FILE_TOO_LARGE',
              `"${filename}" is larger than ${limits.maxBytes} bytes`,
            );
          if (blob.sizeBytes === 0) throw apiError('FILE_EMPTY', `"${filename}" is empty`);
        }
        if (stored.length === 0)
          throw apiError('NO_FILE', 'send at least one file in a multipart field named "file"');
      } catch (err) {
        await Promise.all(stored.map((s) => blobs.remove(s.blob.ref).catch(() => false)));
        if ((err as { code?: string }).code === 'BLOB_TOO_LARGE')
          throw apiError('FILE_TOO_LARGE', `a file is larger than ${limits.maxBytes} bytes`, {
            maxBytes: limits.maxBytes,
          });
        throw err;
      }

      const now = new Date();
      const batchId = batch ? randomUUID() : undefined;
      const created = stored.map((s) =>
        newDocument(
          {
            id: s.blob.ref.id,
            tenantId,
            filename: s.filename,
            declaredContentType: s.contentType,
            sizeBytes: s.blob.sizeBytes,
            sha256: s.blob.sha256,
            blob: s.blob.ref,
            ...(batchId ? { batchId } : {}),
            ...(metadata ? { metadata } : {}),
          },
          now,
        ),
      );
      if (batchId) {
        await batches.create({
          _id: batchId,
          tenantId,
          createdAt: now,
          total: created.length,
          documentIds: created.map((c) => c.record._id),
          ...(metadata ? { metadata } : {}),
        });
      }
      const transitions = await documents.create(
        created.map((c) => c.record),
        new Map(created.map((c) => [c.record._id, [c.received]])),
      );
      // Records and events are durable now; if the broker is away the outbox sweep sends them.
      await outbox
        .flush(transitions)
        .catch((err: unknown) =>
          logger.warn(
            { err, documents: transitions.length },
            'publish deferred to the outbox sweep',
          ),
        );
      return {
        ...(batchId ? { batchId } : {}),
        documents: stored.map((s) => ({
          id: s.blob.ref.id,
          filename: s.filename,
          sizeBytes: s.blob.sizeBytes,
          sha256: s.blob.sha256,
        })),
      };
    },
  };
}

function parseMetadata(value: unknown, maxBytes: number): Record<string, unknown> {
  const text = typeof value === 'string' ? value : '';
  if (Buffer.byteLength(text) > maxBytes)
    throw apiError('INVALID_METADATA', `metadata is larger than ${maxBytes} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw apiError('INVALID_METADATA', `metadata is not JSON: ${(err as Error).message}`);
  }
  const result = metadataSchema.safeParse(parsed);
  if (!result.success)
    throw apiError('INVALID_METADATA', 'metadata must be a JSON object', {
      issues: result.error.issues,
    });
  return result.data;
}

/** The file's own name: no directories, no control characters, at most 255 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = [...((name ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (base || 'upload').slice(0, 255);
}
