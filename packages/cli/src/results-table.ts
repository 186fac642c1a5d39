import type { BatchView, DocumentView } from './gateway-client';

/** The fields worth a glance, by document type, in the order they are looked for. */
const KEY_FIELDS = [
  'number',
  'invoiceNumber',
  'total',
  'currency',
  'merchant',
  'bank',
  'employer',
  'net',
  'closingBalance',
  'parties',
];

/** A cell of a fixed width: padded, or cut with an ellipsis. */
export function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * Up to three key fields as `name=value`, after `method=embedded_xml` when the fields were read
 * from a structured e-invoice's XML rather than from its text.
 */
export function keyFields(view: Pick<DocumentView, 'result'>): string {
  const fields = view.result?.fields ?? {};
  const structured = Object.values(fields).some((f) => f?.method === 'embedded_xml');
  return [
    ...(structured ? ['method=embedded_xml'] : []),
    ...KEY_FIELDS.filter((name) => fields[name] && fields[name].value !== null)
      .slice(0, 3)
      .map((name) => `${name}=${String(fields[name]!.value).slice(0, 24)}`),
  ].join(' ');
}

/** The status, with the stage a document stopped at (`failed@ocr`). */
export function outcome(view: Pick<DocumentView, 'status' | 'stage'>): string {
  return view.stage && view.status !== 'needs_review'
    ? `${view.status}@${view.stage}`
    : view.status;
}

/** What a row says after the type: the rejection, the last error of a failure, or key fields. */
function detail(view: DocumentView): string {
  if (view.rejection) return `${view.rejection.reason}: ${view.rejection.message}`;
  if (view.status === 'failed' && view.errors.length > 0) return view.errors.at(-1)!.code;
  return keyFields(view);
}

/** One row per document: file, status, type, confidence, key fields (or reason), findings. */
export function resultsTable(views: readonly DocumentView[]): string {
  const header = `${cell('file', 28)} ${cell('status', 20)} ${cell('type', 15)} ${cell('conf', 5)} ${cell('key fields / reason', 46)} findings`;
  const rows = views.map(
    (view) =>
      `${cell(view.filename, 28)} ${cell(outcome(view), 20)} ${cell(view.result?.docType ?? '-', 15)} ${cell(view.result ? view.result.confidence.toFixed(2) : '-', 5)} ${cell(detail(view) || '-', 46)} ${view.result?.findings.map((f) => f.code).join(',') || '-'}`,
  );
  return [header, ...rows].join('\n');
}

/** `batch: 9/10 settled; p50 812 ms, p95 2140 ms per document` */
export function batchSummary(batch: Pick<BatchView, 'settled' | 'total' | 'latencyMs'>): string {
  return `batch: ${batch.settled}/${batch.total} settled; p50 ${batch.latencyMs.p50 ?? '-'} ms, p95 ${batch.latencyMs.p95 ?? '-'} ms per document`;
}
