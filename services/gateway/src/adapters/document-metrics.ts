import { Histogram, type Registry } from 'prom-client';
import type { Settlement } from '../domain/document-settlement';

export interface DocumentMetrics {
  settled(settlement: Settlement): void;
}

/** End-to-end latency on the gateway's registry, observed by the tracker (docs/metrics.md). */
export function createDocumentMetrics(registry: Registry): DocumentMetrics {
  const endToEnd = new Histogram({
    name: 'docflow_document_end_to_end_seconds',
    help: 'Time from a document upload to its first final state, by outcome (published, needs_review, rejected, failed) and document type (none when unknown).',
    labelNames: ['outcome', 'doc_type'] as const,
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600],
    registers: [registry],
  });
  return {
    settled: ({ outcome, docType, seconds }) =>
      endToEnd.observe({ outcome, doc_type: docType }, seconds),
  };
}
