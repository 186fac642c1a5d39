import { DOC_TYPES } from '@docflow/model';
import type { Scores } from './score-documents';

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

/** The scores as tables on `out` (stdout by default). */
export function printScores(
  name: string,
  r: Scores,
  out: { write(s: string): unknown } = process.stdout,
): void {
  out.write(`\n== ${name}: ${r.documents} documents ==\n`);
  const byLang = (map: Record<string, number>) =>
    Object.entries(map)
      .map(([k, v]) => `${k.toUpperCase()} ${pct(v)}`)
      .join(', ');
  out.write(`doc-type accuracy ${pct(r.docTypeAccuracy)}  (${byLang(r.accuracyByLanguage)})\n`);
  out.write(
    `field F1 (micro) ${pct(r.fieldF1)}  (${byLang(
      Object.fromEntries(Object.entries(r.fieldF1ByLanguage).map(([k, v]) => [k, v.f1])),
    )})\n`,
  );
  out.write(
    `auto-published ${pct(r.autoPublishRate)}; published with a wrong total ${r.publishedWithWrongTotal.count} of ${r.publishedWithWrongTotal.of} (${pct(r.publishedWithWrongTotal.rate)}); doc-type ECE ${r.expectedCalibrationError.toFixed(4)}\n`,
  );
  out.write(
    `silent wrong totals ${r.silentWrongTotals}; silent wrong types ${r.silentWrongTypes}; sent to review ${r.sentToReview}; ${r.documentsPerSecond} documents/s\n`,
  );
  out.write(
    `\nconfusion (rows = truth, columns = predicted)\n${''.padEnd(16)}${DOC_TYPES.map((t) => t.slice(0, 9).padStart(10)).join('')}\n`,
  );
  for (const t of DOC_TYPES)
    out.write(
      `${t.padEnd(16)}${DOC_TYPES.map((u) => String(r.confusion[t]![u]).padStart(10)).join('')}\n`,
    );
  out.write(`\n${'field'.padEnd(32)}${'P'.padStart(8)}${'R'.padStart(8)}${'F1'.padStart(8)}\n`);
  const row = (k: string, v: { precision: number; recall: number; f1: number }) =>
    out.write(
      `${k.padEnd(32)}${v.precision.toFixed(3).padStart(8)}${v.recall.toFixed(3).padStart(8)}${v.f1.toFixed(3).padStart(8)}\n`,
    );
  for (const [k, v] of Object.entries(r.fields)) row(k, v);
  for (const [k, v] of Object.entries(r.fieldF1ByType)) row(`type ${k}`, v);
  if (r.misclassified.length > 0) out.write('\nmisread types\n');
  for (const m of r.misclassified.slice(0, 20))
    out.write(
      `${m.id.padEnd(39)} ${m.expected.padEnd(16)}→ ${m.predicted.padEnd(16)}${m.confidence.toFixed(3)} ${m.outcome}\n`,
    );
}
