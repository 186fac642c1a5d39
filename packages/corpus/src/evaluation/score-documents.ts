import { DOC_TYPES } from '@docflow/model';
import type { ProcessResult } from '@docflow/classifier/domain/process-document';
import type { LabelledDoc, TruthValue } from './labelled-doc';
import {
  expectedCalibrationError,
  precisionRecall,
  round,
  type Calibrated,
  type Counts,
} from './metrics';

/** Whether an extracted value is the true one. */
export type FieldMatcher = (expected: TruthValue, actual: unknown) => boolean;

export interface FieldError {
  id: string;
  field: string;
  expected: TruthValue;
  /** The value scored; null when none was found (or the type was wrong, see predictedType). */
  actual: unknown;
  /** The type the document was read as, when not its true type (its fields then do not count). */
  predictedType?: string;
}

const bump = (map: Map<string, Counts>, key: string, k: keyof Counts) => {
  const c = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c[k] += 1;
  map.set(key, c);
};

/**
 * Runs `run` (the classifier's processDocument) on every document and scores it against its truth.
 * Only the fields the truth names are scored; under a wrong document type they count as not found
 * (the record is wrong whatever its values). A wrong value is a false positive and a miss.
 *
 * - publishedWithWrongTotal: published (`classified`) while the truth has a total and the
 *   extraction's total is missing or wrong, warnings or not; its rate is over the published
 *   documents whose truth has a total (the ledger's view).
 * - silentWrongTotals (the older, narrower count): published with a wrong total and no finding
 *   about the total.
 * - autoPublishRate: the share of documents published without review.
 * - expectedCalibrationError: of the document-type confidence, 10 bins.
 */
export function scoreDocuments(
  docs: readonly LabelledDoc[],
  run: (doc: LabelledDoc) => ProcessResult,
  match: FieldMatcher,
  /** Field errors listed in the report (all are counted). */
  maxErrors = Number.POSITIVE_INFINITY,
) {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of DOC_TYPES) confusion[t] = Object.fromEntries(DOC_TYPES.map((u) => [u, 0]));
  const fields = new Map<string, Counts>();
  const byType = new Map<string, Counts>();
  const byLang = new Map<string, Counts>();
  const accuracyByLang: Record<string, { correct: number; total: number }> = {};
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  const calibration: Calibrated[] = [];
  let correct = 0;
  let silentWrongTotals = 0;
  let wrongTotals = 0;
  let publishedWithTotal = 0;
  let published = 0;
  const misclassified: {
    id: string;
    expected: string;
    predicted: string;
    confidence: number;
    outcome: string;
  }[] = [];
  const errors: FieldError[] = [];
  const started = process.hrtime.bigint();
  for (const doc of docs) {
    const result = run(doc);
    const typeRight = result.docType === doc.docType;
    confusion[doc.docType]![result.docType]! += 1;
    calibration.push({ confidence: result.confidence, correct: typeRight });
    const langStats = (accuracyByLang[doc.lang] ??= { correct: 0, total: 0 });
    langStats.total += 1;
    if (typeRight) {
      correct += 1;
      langStats.correct += 1;
    } else if (misclassified.length < 200) {
      misclassified.push({
        id: doc.id,
        expected: doc.docType,
        predicted: result.docType,
        confidence: result.confidence,
        outcome: result.outcome,
      });
    }
    if (result.outcome === 'classified') published += 1;
    for (const [name, expected] of Object.entries(doc.fields)) {
      const actual = typeRight ? result.extraction.fields[name]?.value : undefined;
      const key = `${doc.docType}.${name}`;
      const record = (k: keyof Counts) => {
        bump(fields, key, k);
        bump(byType, doc.docType, k);
        bump(byLang, doc.lang, k);
        micro[k] += 1;
      };
      if (actual !== undefined && actual !== null && match(expected, actual)) record('tp');
      else {
        if (actual !== undefined && actual !== null) record('fp');
        record('fn');
        if (errors.length < maxErrors)
          errors.push({
            id: doc.id,
            field: name,
            expected,
            actual: actual ?? null,
            ...(typeRight ? {} : { predictedType: result.docType }),
          });
      }
    }
    const total = result.extraction.fields.total?.value;
    const expectedTotal = doc.fields.total;
    if (result.outcome === 'classified' && expectedTotal !== undefined) {
      publishedWithTotal += 1;
      const right = total !== undefined && total !== null && match(expectedTotal, total);
      if (!right) wrongTotals += 1;
      const totalFinding = result.findings.some(
        (f) => f.field === 'total' || f.code.startsWith('total.'),
      );
      if (typeof total === 'number' && !right && !totalFinding) silentWrongTotals += 1;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const n = Math.max(1, docs.length);
  return {
    documents: docs.length,
    docTypeAccuracy: round(correct / n),
    fieldF1: precisionRecall(micro).f1,
    publishedWithWrongTotal: {
      count: wrongTotals,
      rate: round(publishedWithTotal ? wrongTotals / publishedWithTotal : 0),
      of: publishedWithTotal,
    },
    autoPublishRate: round(published / n),
    expectedCalibrationError: expectedCalibrationError(calibration, 10),
    silentWrongTotals,
    /** Documents published under a wrong type: misread and confident enough to skip review. */
    silentWrongTypes: misclassified.filter((m) => m.outcome === 'classified').length,
    sentToReview: docs.length - published,
    documentsPerSecond: Math.round(docs.length / Math.max(seconds, 1e-9)),
    accuracyByLanguage: Object.fromEntries(
      Object.entries(accuracyByLang).map(([k, v]) => [k, round(v.correct / v.total)]),
    ),
    fieldF1ByLanguage: Object.fromEntries([...byLang].map(([k, c]) => [k, precisionRecall(c)])),
    fieldF1ByType: Object.fromEntries([...byType].map(([k, c]) => [k, precisionRecall(c)])),
    fields: Object.fromEntries([...fields].sort().map(([k, c]) => [k, precisionRecall(c)])),
    confusion,
    misclassified,
    errors,
  };
}

export type Scores = ReturnType<typeof scoreDocuments>;
