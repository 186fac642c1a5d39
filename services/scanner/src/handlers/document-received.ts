import type { BlobRef } from '@docflow/contracts';
import { BUCKETS, type BlobStore } from '@docflow/documents';
import type { PdfEngine } from '@docflow/pdf';
import { DocflowError, next, type EventHandler, type Outgoing } from '@docflow/platform';
import type { ScanVerdict } from '../adapters/clamd-client';
import type { DuplicateRegistry } from '../adapters/duplicate-registry';
import type { Limits, Rejection } from '../domain/rejection';
import type { XmlProbe } from '../domain/inspect-xml';
import { tooLarge, validateFile } from '../domain/scan-file';

export interface Antivirus {
  engine: string;
  scan(bytes: Buffer): Promise<ScanVerdict>;
}

export interface DocumentReceivedDeps {
  blobs: Pick<BlobStore, 'read' | 'quarantine'>;
  duplicates: DuplicateRegistry;
  /** Null when configuration turns antivirus off: documents then record "not_scanned". */
  antivirus: Antivirus | null;
  limits: Limits;
  /** Reads PDFs (page count, encryption, embedded e-invoices) under its budget. */
  pdf: Pick<PdfEngine, 'info'> & Partial<Pick<PdfEngine, 'open'>>;
  /** The hardened XML parse under the scanner's budget (default: in this thread). */
  probeXml?: XmlProbe;
  duplicatePolicy: 'flag' | 'reject';
  /** Called once per outcome (scanned, or the rejection reason), for metrics. */
  onOutcome?: (outcome: string) => void;
}

/**
 * document.received → document.scanned | document.rejected. Order: size, antivirus (every file,
 * so malware is quarantined whatever its type), type and structure, duplicates.
 */
export function createDocumentReceivedHandler(
  deps: DocumentReceivedDeps,
): EventHandler<'document.received'> {
  const reject = (rejection: Rejection): Outgoing => {
    deps.onOutcome?.(rejection.reason);
    return next('document.rejected', { stage: 'scanner', ...rejection });
  };

  return async (event, ctx) => {
    const { blob } = event.payload;
    if (event.payload.sizeBytes > deps.limits.maxBytes)
      return reject(tooLarge(event.payload.sizeBytes, deps.limits.maxBytes));
    const bytes = await readBlob(deps.blobs, blob, deps.limits.maxBytes, event.payload.sizeBytes);
    if (bytes === 'too_large')
      return reject(tooLarge(event.payload.sizeBytes, deps.limits.maxBytes));

    let antivirus: { status: 'clean' | 'not_scanned'; engine?: string } = { status: 'not_scanned' };
    if (deps.antivirus && bytes.length > 0) {
      const verdict = await deps.antivirus.scan(bytes);
      if (verdict.infected) {
        const quarantined = await deps.blobs.quarantine(blob);
        ctx.logger.warn({ signature: verdict.signature }, 'infected file quarantined');
        return reject({
          reason: 'infected',
          message: `malware found: ${verdict.signature}`,
          details: { signature: verdict.signature, engine: deps.antivirus.engine, quarantined },
        });
      }
      antivirus = { status: 'clean', engine: deps.antivirus.engine };
    }

    const validation = await validateFile(bytes, deps.limits, deps.pdf, deps.probeXml);
    if (!validation.ok) return reject(validation.rejection);
    const { file } = validation;

    const { duplicateOf } = await deps.duplicates.claim({
      tenantId: event.tenantId,
      sha256: file.sha256,
      documentId: event.documentId ?? event.eventId,
    });
    if (duplicateOf && deps.duplicatePolicy === 'reject')
      return reject({
        reason: 'duplicate',
        message: `the same file was already sent as document ${duplicateOf}`,
        details: { duplicateOf, sha256: file.sha256 },
      });

    deps.onOutcome?.('scanned');
    return next('document.scanned', {
      blob,
      detectedType: file.type,
      mimeType: file.mime,
      sizeBytes: bytes.length,
      sha256: file.sha256,
      ...(file.pages !== undefined ? { pages: file.pages } : {}),
      ...(duplicateOf ? { duplicateOf } : {}),
      antivirus,
      ...(file.einvoice ? { einvoice: file.einvoice } : {}),
    });
  };
}

/**
 * The document's bytes. A run that quarantined the file and died before its verdict went out
 * finds the blob gone: it reads the quarantined copy instead, so the re-run reaches the same
 * verdict (and the quarantine step is a no-op) rather than failing the document.
 */
async function readBlob(
  blobs: Pick<BlobStore, 'read'>,
  ref: BlobRef,
  maxBytes: number,
  storedBytes: number,
): Promise<Buffer | 'too_large'> {
  const code = (err: unknown) => (err instanceof DocflowError ? err.code : undefined);
  try {
    return await blobs.read(ref, maxBytes, storedBytes);
  } catch (err) {
    if (code(err) === 'BLOB_TOO_LARGE') return 'too_large';
    if (code(err) !== 'BLOB_NOT_FOUND' || ref.bucket === BUCKETS.quarantine) throw err;
    try {
      return await blobs.read({ bucket: BUCKETS.quarantine, id: ref.id }, maxBytes, storedBytes);
    } catch (again) {
      if (code(again) === 'BLOB_NOT_FOUND') throw err;
      if (code(again) === 'BLOB_TOO_LARGE') return 'too_large';
      throw again;
    }
  }
}
