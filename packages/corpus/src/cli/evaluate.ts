import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { processDocument } from '@docflow/classifier/domain/process-document';
import { processEInvoice } from '@docflow/classifier/domain/process-einvoice';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import { BASE_MODEL_PATH, fromModelFile } from '@docflow/model';
import type { DocumentSubset, TextSource } from '../evaluation/dataset';
import { evaluateDataset, reportName } from '../evaluation/evaluate-dataset';
import { evaluateSynthetic } from '../evaluation/evaluate-synthetic';
import { scoreEInvoiceFolder, summariseEInvoices } from '../evaluation/einvoice-dataset';
import type { LabelledDoc } from '../evaluation/labelled-doc';
import { corpusDir, reportsDir } from './paths';
import { writeJson } from './write-json';

const USAGE = `usage: npm run eval -- [--dataset <folder>] [--text gold|ocr] [--fresh] [--only <ids>] [--sample <k>] [--model <file>] [--out <file>] [--sanity <dir>] | --einvoice <folder> [--out <file>]`;

/**
 * `npm run eval`: the generator's held-out split and the hand-written sanity set; writes
 * reports/eval.json. `--dataset <folder>` scores a folder of real labelled documents instead (SROIE
 * or the ZUGFeRD corpus, told by its shape; a corpus folder with test.jsonl is the synthetic eval
 * again) and writes reports/eval-<folder name>.json; `--text gold` reads SROIE's own transcripts
 * instead of our OCR (`ocr`, the default), `--fresh` ignores the OCR cache (reports/.cache/);
 * `--only 030,033` scores only those documents (file names without extension), `--sample <k>`
 * every k-th one in name order (from the first), to try an OCR change quickly.
 * `--model <file>` evaluates another model file and then writes a report only when `--out <file>`
 * is given; `--sanity <dir>` reads the sanity documents from another directory.
 * `--einvoice <folder>` checks the structured path on a folder of e-invoices (PDFs with embedded
 * XML, XML files): share recognised, fields mapped against a reference reading, and
 * `embedded_xml.mismatch` findings on valid PDFs; writes reports/eval-einvoice-<folder>.json.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      out: { type: 'string' },
      sanity: { type: 'string' },
      dataset: { type: 'string' },
      text: { type: 'string', default: 'ocr' },
      fresh: { type: 'boolean', default: false },
      only: { type: 'string' },
      sample: { type: 'string' },
      einvoice: { type: 'string' },
    },
  });
  if (values.text !== 'gold' && values.text !== 'ocr')
    throw new Error(`--text must be gold or ocr, not "${values.text}"\n${USAGE}`);
  const subset = subsetOf(values.only, values.sample);
  const dataset = values.dataset && resolve(values.dataset);
  if (subset && !dataset) throw new Error(`--only and --sample need --dataset\n${USAGE}`);
  if (dataset && !existsSync(dataset)) throw new Error(`--dataset ${dataset}: no such folder`);
  const evaluated = values.model ? resolve(values.model) : BASE_MODEL_PATH;
  const loadStarted = process.hrtime.bigint();
  const classifier = fromModelFile(JSON.parse(readFileSync(evaluated, 'utf8')));
  const loadMs = Number(process.hrtime.bigint() - loadStarted) / 1e6;
  const options = {
    confidenceThreshold: 0.6,
    futureToleranceDays: 3,
    today: new Date().toISOString().slice(0, 10),
  };
  const run = (d: LabelledDoc) => processDocument(classifier, d.text, options);
  const model = {
    version: classifier.version,
    bytes: readFileSync(evaluated).length,
    loadMs: Math.round(loadMs),
  };
  let out: string | undefined;
  let report: unknown;
  if (values.einvoice) {
    const folder = resolve(values.einvoice);
    if (!existsSync(folder)) throw new Error(`--einvoice ${folder}: no such folder`);
    const results = await scoreEInvoiceFolder(
      folder,
      createPdfEngine(DEFAULT_PDF_BUDGET),
      (xml, text) => {
        const r = processEInvoice(classifier, text, { xml, container: 'pdf' }, options);
        return { outcome: r.outcome, findings: r.findings.map((f) => f.code) };
      },
      (line) => process.stderr.write(`${line}\n`),
    );
    const summary = summariseEInvoices(results);
    out = values.out
      ? resolve(values.out)
      : join(reportsDir, `eval-einvoice-${basename(folder)}.json`);
    report = { dataset: basename(folder), ...summary, files: results };
    const { unrecognised, mismatchedFields, falseMismatches, ...numbers } = summary;
    process.stdout.write(`${JSON.stringify(numbers, null, 2)}\n`);
    void unrecognised;
    void mismatchedFields;
    void falseMismatches;
  } else if (!dataset || existsSync(join(dataset, 'test.jsonl'))) {
    const corpus = dataset ?? corpusDir;
    const sanityDir = values.sanity ? resolve(values.sanity) : join(corpus, 'sanity');
    const { heldOut, sanity } = evaluateSynthetic(corpus, sanityDir, run);
    out = values.out
      ? resolve(values.out)
      : values.model || values.sanity
        ? undefined
        : join(reportsDir, dataset ? `eval-${basename(dataset)}.json` : 'eval.json');
    report = {
      modelVersion: classifier.version,
      docTypeAccuracy: heldOut.docTypeAccuracy,
      fieldF1: heldOut.fieldF1,
      silentWrongTotals: heldOut.silentWrongTotals,
      model: { bytes: model.bytes, loadMs: model.loadMs },
      heldOut,
      sanity,
    };
  } else {
    const result = await evaluateDataset(
      dataset,
      {
        text: values.text as TextSource,
        fresh: values.fresh,
        ...(subset ? { subset } : {}),
        cacheDir: join(reportsDir, '.cache'),
        progress: (line) => process.stderr.write(`${line}\n`),
      },
      run,
    );
    out = values.out
      ? resolve(values.out)
      : values.model || subset
        ? undefined
        : join(reportsDir, reportName(dataset, result.text, result.kind));
    report = { dataset: basename(dataset), modelVersion: classifier.version, ...result };
  }
  process.stdout.write(
    `\nmodel ${model.version}: ${model.bytes} bytes, loaded in ${model.loadMs} ms\n`,
  );
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    await writeJson(out, report);
    process.stdout.write(`wrote ${out}\n`);
  }
}

/** The documents `--only` (comma-separated ids) or `--sample` (every k-th) pick, if either. */
function subsetOf(
  only: string | undefined,
  sample: string | undefined,
): DocumentSubset | undefined {
  if (only !== undefined && sample !== undefined)
    throw new Error(`--only and --sample do not go together\n${USAGE}`);
  if (only !== undefined) {
    const ids = only
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (ids.length === 0) throw new Error(`--only needs document ids, e.g. 030,033\n${USAGE}`);
    return { only: ids };
  }
  if (sample !== undefined) {
    const every = Number(sample);
    if (!Number.isInteger(every) || every < 1)
      throw new Error(`--sample must be a whole number ≥ 1, not "${sample}"\n${USAGE}`);
    return { every };
  }
  return undefined;
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
