import type { DocumentView } from '@docflow/contracts';
import type { DocumentRecord } from '@docflow/documents';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A record as the API shows it: dates as ISO strings, internals (inputs, event ids) left out. */
export function documentView(record: DocumentRecord, base: string): DocumentView {
  const self = `${base}/v1/documents/${record._id}`;
  return {
    id: record._id,
    batchId: record.batchId ?? null,
    filename: record.filename,
    declaredContentType: record.declaredContentType ?? null,
    sizeBytes: record.sizeBytes,
    sha256: record.sha256,
    metadata: record.metadata ?? null,
    status: record.status,
    stage: record.stage,
    attempt: record.attempt,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    finishedAt: iso(record.finishedAt),
    timeline: record.timeline.map((t) => ({
      event: t.event,
      status: t.status,
      applied: t.applied,
      stage: t.stage,
      at: t.at.toISOString(),
      durationMs: t.durationMs,
      attempt: t.attempt,
    })),
    errors: record.errors.map((e) => ({ ...e, at: e.at.toISOString() })),
    scan: record.scan
      ? {
          detectedType: record.scan.detectedType,
          mimeType: record.scan.mimeType,
          antivirus: record.scan.antivirus,
          ...(record.scan.pages !== undefined ? { pages: record.scan.pages } : {}),
          ...(record.scan.duplicateOf ? { duplicateOf: record.scan.duplicateOf } : {}),
          ...(record.scan.einvoice ? { einvoice: record.scan.einvoice } : {}),
        }
      : null,
    text: record.text
      ? {
          totalChars: record.text.totalChars,
          pages: record.text.pages,
          ...(record.text.language ? { language: record.text.language } : {}),
        }
      : null,
    result: record.result
      ? {
          confidence: record.result.confidence,
          modelVersion: record.result.modelVersion,
          candidates: record.result.candidates,
          fields: record.result.extraction.fields,
          tables: record.result.extraction.tables ?? {},
          findings: record.result.findings,
          ...(record.result.docType ? { docType: record.result.docType } : {}),
          ...(record.result.language ? { language: record.result.language } : {}),
          ...(record.result.reviewed
            ? {
                reviewed: {
                  at: record.result.reviewed.at.toISOString(),
                  by: record.result.reviewed.by,
                },
              }
            : {}),
        }
      : null,
    rejection: record.rejection ?? null,
    records: record.records ?? [],
    revision: record.revision ?? null,
    cancellation: record.cancellation
      ? {
          at: record.cancellation.at.toISOString(),
          ...(record.cancellation.reason ? { reason: record.cancellation.reason } : {}),
        }
      : null,
    purgedAt: iso(record.purgedAt),
    links: { self, file: `${self}/file`, text: `${self}/text` },
  };
}
