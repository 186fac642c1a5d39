import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { processDocument, type ProcessResult } from '@docflow/classifier/domain/process-document';
import { BASE_MODEL_PATH, DOC_TYPES, fromModelFile } from '@docflow/model';
import type { GeneratedDoc } from '../generator/generated-doc';
import { valuesMatch } from './field-match';
import { loadCorpus } from './load-corpus';
import { corpusDir, reportsDir } from './paths';
import { writeJson } from './write-json';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return {
    precision: round(p),
    recall: round(r),
    f1: round(p + r ? (2 * p * r) / (p + r) : 0),
    ...c,
  };
};
const round = (v: number) => Math.round(v * 10_000) / 10_000;
const bump = (map: Map<string, Counts>, key: string, k: keyof Counts) => {
  const c = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  c[k] += 1;
  map.set(key, c);
};

function evaluateSet(docs: GeneratedDoc[], run: (d: GeneratedDoc) => ProcessResult) {
  const confusion: Record<string, Record<string, number>> = {};
  for (const t of DOC_TYPES) confusion[t] = Object.fromEntries(DOC_TYPES.map((u) => [u, 0]));
  const fields = new Map<string, Counts>();
  const byType = new Map<string, Counts>();
  const byLang = new Map<string, Counts>();
  const accuracyByLang: Record<string, { correct: number; total: number }> = {};
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  let correct = 0;
  let silentWrongTotals = 0;
  let reviewed = 0;
  const misclassified: {
    id: string;
    expected: string;
    predicted: string;
    confidence: number;
    outcome: string;
  }[] = [];
  const errors: { id: string; field: string; expected: unknown; actual: unknown }[] = [];
  const started = process.hrtime.bigint();
  for (const doc of docs) {
    const result = run(doc);
    confusion[doc.docType]![result.docType]! += 1;
    const langStats = (accuracyByLang[doc.lang] ??= { correct: 0, total: 0 });
    langStats.total += 1;
    if (result.docType === doc.docType) {
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
    if (result.outcome === 'needs_review') reviewed += 1;
    const names = new Set([...Object.keys(doc.fields)]);
    if (result.docType === doc.docType)
      for (const k of Object.keys(result.extraction.fields))
        if (k in doc.fields || DOC_FIELDS[doc.docType]?.includes(k)) names.add(k);
    for (const name of names) {
      const expected = doc.fields[name];
      const actual =
        result.docType === doc.docType ? result.extraction.fields[name]?.value : undefined;
      const key = `${doc.docType}.${name}`;
      const record = (k: keyof Counts) => {
        bump(fields, key, k);
        bump(byType, doc.docType, k);
        bump(byLang, doc.lang, k);
        micro[k] += 1;
      };
      if (
        expected !== undefined &&
        actual !== undefined &&
        actual !== null &&
        valuesMatch(expected, actual)
      )
        record('tp');
      else {
        if (actual !== undefined && actual !== null) record('fp');
        if (expected !== undefined) record('fn');
        if (errors.length < 400) errors.push({ id: doc.id, field: name, expected, actual });
      }
    }
    const total = result.extraction.fields.total?.value;
    const expectedTotal = doc.fields.total;
    const totalFinding = result.findings.some(
      (f) => f.field === 'total' || f.code.startsWith('total.'),
    );
    if (
      result.outcome === 'classified' &&
      typeof total === 'number' &&
      expectedTotal !== undefined &&
      !valuesMatch(expectedTotal, total) &&
      !totalFinding
    ) {
      silentWrongTotals += 1;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    documents: docs.length,
    docTypeAccuracy: round(correct / docs.length),
    fieldF1: f1(micro).f1,
    silentWrongTotals,
    /** Documents published under a wrong type: misread and confident enough to skip review. */
    silentWrongTypes: misclassified.filter((m) => m.outcome === 'classified').length,
    sentToReview: reviewed,
    documentsPerSecond: Math.round(docs.length / seconds),
    accuracyByLanguage: Object.fromEntries(
      Object.entries(accuracyByLang).map(([k, v]) => [k, round(v.correct / v.total)]),
    ),
    fieldF1ByLanguage: Object.fromEntries([...byLang].map(([k, c]) => [k, f1(c)])),
    fieldF1ByType: Object.fromEntries([...byType].map(([k, c]) => [k, f1(c)])),
    fields: Object.fromEntries([...fields].sort().map(([k, c]) => [k, f1(c)])),
    confusion,
    misclassified,
    errors,
  };
}

const DOC_FIELDS: Record<string, string[]> = {};

/** Hand-written documents in styles the generator does not produce: `corpus/sanity/*.txt` + `.json`. */
function loadSanity(dir = join(corpusDir, 'sanity')): GeneratedDoc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const meta = JSON.parse(
        readFileSync(join(dir, f.replace(/\.txt$/, '.json')), 'utf8'),
      ) as Omit<GeneratedDoc, 'text' | 'id'>;
      return {
        ...meta,
        id: f,
        layout: 'hand-written',
        noise: 'n/a',
        text: readFileSync(join(dir, f), 'utf8'),
      } as GeneratedDoc;
    });
}

function printTable(name: string, r: ReturnType<typeof evaluateSet>): void {
  const out = process.stdout;
  out.write(`\n== ${name}: ${r.documents} documents ==\n`);
  out.write(
    `doc-type accuracy ${(r.docTypeAccuracy * 100).toFixed(2)}%  (EN ${((r.accuracyByLanguage.en ?? 0) * 100).toFixed(2)}%, ES ${((r.accuracyByLanguage.es ?? 0) * 100).toFixed(2)}%)\n`,
  );
  out.write(
    `field F1 (micro) ${(r.fieldF1 * 100).toFixed(2)}%  (EN ${((r.fieldF1ByLanguage.en?.f1 ?? 0) * 100).toFixed(2)}%, ES ${((r.fieldF1ByLanguage.es?.f1 ?? 0) * 100).toFixed(2)}%)\n`,
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
  for (const [k, v] of Object.entries(r.fields))
    out.write(
      `${k.padEnd(32)}${v.precision.toFixed(3).padStart(8)}${v.recall.toFixed(3).padStart(8)}${v.f1.toFixed(3).padStart(8)}\n`,
    );
  for (const [k, v] of Object.entries(r.fieldF1ByType))
    out.write(
      `${`type ${k}`.padEnd(32)}${v.precision.toFixed(3).padStart(8)}${v.recall.toFixed(3).padStart(8)}${v.f1.toFixed(3).padStart(8)}\n`,
    );
  if (r.misclassified.length > 0) out.write('\nmisread types\n');
  for (const m of r.misclassified.slice(0, 20))
    out.write(
      `${m.id.padEnd(40)}${m.expected.padEnd(16)}→ ${m.predicted.padEnd(16)}${m.confidence.toFixed(3)} ${m.outcome}\n`,
    );
}

/**
 * `npm run eval`: held-out split and the hand-written sanity set; writes reports/eval.json.
 * `-- --model <file>` evaluates another model file (e.g. the previous one, for a before/after
 * comparison) and then writes a report only when `--out <file>` is given; `--sanity <dir>` reads
 * the sanity documents from another directory (e.g. the same texts after a real scan and OCR).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, out: { type: 'string' }, sanity: { type: 'string' } },
  });
  const evaluated = values.model ? resolve(values.model) : BASE_MODEL_PATH;
  const out = values.out
    ? resolve(values.out)
    : values.model || values.sanity
      ? undefined
      : join(reportsDir, 'eval.json');
  const loadStarted = process.hrtime.bigint();
  const classifier = fromModelFile(JSON.parse(readFileSync(evaluated, 'utf8')));
  const loadMs = Number(process.hrtime.bigint() - loadStarted) / 1e6;
  const options = {
    confidenceThreshold: 0.6,
    futureToleranceDays: 3,
    today: new Date().toISOString().slice(0, 10),
  };
  const run = (d: GeneratedDoc) => processDocument(classifier, d.text, options);
  const heldOut = evaluateSet(loadCorpus('test'), run);
  const sanity = evaluateSet(loadSanity(values.sanity && resolve(values.sanity)), run);
  printTable('held-out split', heldOut);
  if (sanity.documents) printTable('hand-written sanity set', sanity);
  const report = {
    modelVersion: classifier.version,
    docTypeAccuracy: heldOut.docTypeAccuracy,
    fieldF1: heldOut.fieldF1,
    silentWrongTotals: heldOut.silentWrongTotals,
    model: { bytes: readFileSync(evaluated).length, loadMs: Math.round(loadMs) },
    heldOut,
    sanity,
  };
  process.stdout.write(
    `\nmodel ${classifier.version}: ${report.model.bytes} bytes, loaded in ${report.model.loadMs} ms\n`,
  );
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    await writeJson(out, report);
    process.stdout.write(`wrote ${out}\n`);
  }
}

void main();
