import { percentiles, type Percentiles } from '../stats';
import type { Upload } from './upload-load';

/** What the bench reads of a settled document. */
export interface SettledRecord {
  _id: string;
  status: string;
  finishedAt?: Date | null;
  updatedAt: Date;
  timeline: { event: string; at: Date; attempt: number }[];
}

/** The stretches of a document's life the bench reports, in pipeline order. */
export const STAGES = [
  'upload',
  'scanner',
  'ocr',
  'classifier',
  'publisher',
  'tracker',
  'end_to_end',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Per document, from its timeline (each event's `occurredAt`, stamped by the stage that produced
 * it): upload = the client's request until its 202; scanner = received → scanned; ocr → text
 * extracted; classifier → classified (or needs review); publisher → published; tracker = the last
 * event until the gateway's tracker recorded the final status; end to end = request sent → final
 * status recorded. A stage's time includes its queueing.
 */
export function stageDurations(
  record: SettledRecord,
  upload: Upload,
): Partial<Record<Stage, number>> {
  const at = (...events: string[]): number | undefined => {
    const entry = record.timeline.find((e) => e.attempt === 1 && events.includes(e.event));
    return entry ? new Date(entry.at).getTime() : undefined;
  };
  const received = at('document.received');
  const scanned = at('document.scanned');
  const extracted = at('document.text_extracted');
  const classified = at('document.classified', 'document.needs_review');
  const published = at('document.published');
  const last = Math.max(...record.timeline.map((e) => new Date(e.at).getTime()));
  const finished = (record.finishedAt ?? record.updatedAt).getTime();
  const span = (from?: number, to?: number) =>
    from !== undefined && to !== undefined ? to - from : undefined;
  const out: Partial<Record<Stage, number | undefined>> = {
    upload: upload.acceptedAt - upload.sentAt,
    scanner: span(received, scanned),
    ocr: span(scanned, extracted),
    classifier: span(extracted, classified),
    publisher: span(classified, published),
    tracker: finished - last,
    end_to_end: finished - upload.sentAt,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** p50/p95/p99 of each stage over all documents. */
export function stageLatency(
  records: readonly SettledRecord[],
  uploads: readonly Upload[],
): Record<Stage, Percentiles> {
  const byId = new Map(uploads.map((u) => [u.documentId, u]));
  const values = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<
    Stage,
    number[]
  >;
  for (const record of records) {
    const upload = byId.get(record._id);
    if (!upload) continue;
    for (const [stage, ms] of Object.entries(stageDurations(record, upload)))
      values[stage as Stage].push(ms);
  }
  return Object.fromEntries(STAGES.map((s) => [s, percentiles(values[s])])) as Record<
    Stage,
    Percentiles
  >;
}
