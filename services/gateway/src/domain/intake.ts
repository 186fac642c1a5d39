import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { eventCatalog } from '@docflow/contracts';
import {
  newDocument,
  type BlobStore,
  type DocumentStore,
  type OutboxRelay,
  type StoredBlob,
  type UploadJournal,
} from '@docflow/documents';
import type { Logger } from '@docflow/platform';
import type { BatchRepository } from '../adapters/batch-repository';
import { gatewayError } from './errors';
import { cleanFilename } from './filename';
import { asMultipartError } from './multipart-errors';
import { uploadFingerprint } from './upload-fingerprint';
import { parseMetadata } from './upload-metadata';
import type { UploadQuota } from './upload-quota';

export { cleanFilename };

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
  /** Identifies the request's content (see `uploadFingerprint`). */
  fingerprint: string;
}

const FILE_FIELDS = new Set(['file', 'files', 'file[]', 'files[]']);

export interface Intake {
  /**
   * Streams every file of the request into GridFS, counts it against the tenant's quota, then
   * writes the batch and the document records with their `document.received` events (the outbox)
   * and publishes them. Any refusal or failure before the records are written removes what this
   * request stored (records, batch, files, quota), so a failed request leaves nothing behind.
   */
  receive(
    tenantId: string,
    parts: AsyncIterable<IncomingPart>,
    options: { batch: boolean; limits: IntakeLimits },
  ): Promise<IntakeResult>;
  /**
   * Resolves once every receive under way has finished (stored its documents or removed what it
   * stored), or after `timeoutMs`; answers how many were still running then. A client that drops
   * its upload closes its connection before the gateway has cleaned up after it, so shutdown waits
   * for this before it lets go of the database.
   */
  drain(timeoutMs: number): Promise<number>;
}

export function createIntake(deps: {
  blobs: BlobStore;
  journal: Pick<UploadJournal, 'begin'>;
  documents: DocumentStore;
  outbox: OutboxRelay;
  batches: BatchRepository;
  quota: UploadQuota;
  logger: Logger;
}): Intake {
  const { blobs, journal, documents, outbox, batches, quota, logger } = deps;
  const underWay = new Set<Promise<unknown>>();

  const receive: Intake['receive'] = (tenantId, parts, options) => {
    const work = receiveAll(tenantId, parts, options);
    const tracked = work.catch(() => undefined).finally(() => underWay.delete(tracked));
    underWay.add(tracked);
    return work;
  };

  const drain = async (timeoutMs: number): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    while (underWay.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(underWay),
        new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now()))),
      ]);
      clearTimeout(timer);
    }
    return underWay.size;
  };

  return { receive, drain };

  async function receiveAll(
    tenantId: string,
    parts: AsyncIterable<IncomingPart>,
    { batch, limits }: { batch: boolean; limits: IntakeLimits },
  ): Promise<IntakeResult> {
    const stored: { blob: StoredBlob; filename: string; contentType: string }[] = [];
    let metadata: Record<string, unknown> | undefined;
    let metadataText: string | undefined;
    const now = new Date();
    const batchId = batch ? randomUUID() : undefined;
    let created: ReturnType<typeof newDocument>[] = [];
    let release: (() => Promise<void>) | undefined;
    let writing: 'nothing' | 'batch' | 'documents' = 'nothing';
    let transitions: Awaited<ReturnType<DocumentStore['create']>>;
    try {
      await quota.check(tenantId);
      for await (const part of parts) {
        if (part.type === 'field') {
          if (part.fieldname !== 'metadata')
            throw gatewayError(
              'UNKNOWN_FIELD',
              `unknown field "${part.fieldname}"; expected files and "metadata"`,
            );
          if (metadata) throw gatewayError('INVALID_METADATA', 'send the metadata field once');
          metadata = parseMetadata(part.value, limits.maxMetadataBytes);
          metadataText = part.value as string;
          continue;
        }
        if (!FILE_FIELDS.has(part.fieldname)) {
          part.file.resume();
          throw gatewayError('UNKNOWN_FIELD', `unknown file field "${part.fieldname}"; use "file"`);
        }
        if (stored.length >= limits.maxFiles) {
          part.file.resume();
          throw gatewayError('TOO_MANY_FILES', `at most ${limits.maxFiles} files per request`);
        }
        const filename = cleanFilename(part.filename);
        // journalled first: if this process dies before the document exists, the sweep
        // finds the stored bytes by this id and removes them
        const id = randomUUID();
        await journal.begin({ id, tenantId });
        const blob = await blobs.upload(part.file, {
          id,
          filename,
          contentType: part.mimetype,
          maxBytes: limits.maxBytes,
          metadata: { tenantId },
        });
        stored.push({ blob, filename, contentType: part.mimetype });
        if (part.file.truncated)
          throw gatewayError(
            'FILE_TOO_LARGE',
            `"${filename}" is larger than ${limits.maxBytes} bytes`,
          );
        if (blob.sizeBytes === 0) throw gatewayError('FILE_EMPTY', `"${filename}" is empty`);
      }
      if (stored.length === 0)
        throw gatewayError('NO_FILE', 'send at least one file in a multipart field named "file"');
      created = stored.map((s) =>
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
      // an event the bus would refuse would leave its document waiting forever: refuse it now
      for (const { received } of created) {
        const checked = eventCatalog['document.received'].schema.safeParse(received);
        if (!checked.success)
          throw gatewayError(
            'VALIDATION_FAILED',
            `a file part is not valid: ${checked.error.issues
              .map((i) => `${i.path.join('.')} ${i.message}`)
              .join('; ')}`,
            { issues: checked.error.issues },
          );
      }
      release = await quota.reserve(tenantId, {
        documents: stored.length,
        bytes: stored.reduce((sum, s) => sum + s.blob.sizeBytes, 0),
      });
      // the writes belong to the cleanup too: the database may refuse a record the checks let
      // through, or be gone for a moment, and the files stored for it must not stay behind
      if (batchId) {
        writing = 'batch';
        await batches.create({
          _id: batchId,
          tenantId,
          createdAt: now,
          total: created.length,
          documentIds: created.map((c) => c.record._id),
          ...(metadata ? { metadata } : {}),
        });
      }
      writing = 'documents';
      transitions = await documents.create(
        created.map((c) => c.record),
        new Map(created.map((c) => [c.record._id, [c.received]])),
      );
    } catch (err) {
      await undo(err);
      if ((err as { code?: string }).code === 'BLOB_TOO_LARGE')
        throw gatewayError('FILE_TOO_LARGE', `a file is larger than ${limits.maxBytes} bytes`, {
          maxBytes: limits.maxBytes,
        });
      throw asMultipartError(err);
    }
    // Records and events are durable now; if the broker is away the outbox sweep sends them.
    await outbox
      .flush(transitions)
      .catch((err: unknown) =>
        logger.warn({ err, documents: transitions.length }, 'publish deferred to the outbox sweep'),
      );
    return {
      ...(batchId ? { batchId } : {}),
      documents: stored.map((s) => ({
        id: s.blob.ref.id,
        filename: s.filename,
        sizeBytes: s.blob.sizeBytes,
        sha256: s.blob.sha256,
      })),
      fingerprint: uploadFingerprint(
        stored.map((s) => ({ filename: s.filename, sha256: s.blob.sha256 })),
        metadataText,
      ),
    };

    /** Removes what this request wrote, newest first; the files only once no record names them. */
    async function undo(cause: unknown): Promise<void> {
      let recordsGone = true;
      if (writing === 'documents') {
        recordsGone = await documents
          .discard(created.map((c) => c.record._id))
          .then(() => true)
          .catch((err: unknown) => {
            // a record may remain: its file stays too (the journal sweep settles the row)
            logger.error({ err, cause }, 'could not remove the records of a failed upload');
            return false;
          });
      }
      if (batchId && writing !== 'nothing')
        await batches.remove(batchId).catch((err: unknown) => logger.warn({ err }, 'batch left'));
      if (recordsGone)
        await Promise.all(stored.map((s) => blobs.remove(s.blob.ref).catch(() => false)));
      await release?.().catch((err: unknown) => logger.warn({ err }, 'quota not given back'));
    }
  }
}
