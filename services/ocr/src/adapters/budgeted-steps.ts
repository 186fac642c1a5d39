import { join } from 'node:path';
import type { BudgetRunner } from '@docflow/platform';
import type { GreyPage } from '../domain/grey-page';
import type { OcrSteps } from '../steps/ocr-steps';

// resolved in the worker: ocr-step-tasks.js when built, .ts under jest
const TASK_MODULE = join(__dirname, '..', 'steps', 'ocr-step-tasks');

const activityOf = {
  docx: 'DOCX parsing',
  xlsx: 'XLSX parsing',
  csv: 'CSV parsing',
  text: 'text decoding',
  xml: 'XML parsing',
};

/**
 * The OCR steps in the budget runner's worker threads: a step past OCR_BUDGET_MS or
 * OCR_BUDGET_MEMORY_MB is stopped and fails the document for good (BUDGET_EXCEEDED,
 * `processing.budget_exceeded: ocr: <step> took longer than … (OCR_BUDGET_MS)`), while the event
 * loop keeps heartbeating. Inputs and outputs cross as structured clones (a file's bytes once).
 */
export function createBudgetedSteps(runner: BudgetRunner): OcrSteps {
  const run = <I, O>(fn: string, activity: string, input: I, signal?: AbortSignal) =>
    runner.run<I, O>({
      module: TASK_MODULE,
      fn,
      input,
      activity,
      ...(signal ? { signal } : {}),
    });
  return {
    parseFile: (type, bytes, limits, signal) =>
      run(
        'parseFileTask',
        activityOf[type],
        {
          type,
          bytes: ownBytes(bytes),
          limits,
        },
        signal,
      ),
    textLayer: (texts, count, minTextChars, signal) =>
      run('textLayerTask', 'PDF text-layer reading', { texts, count, minTextChars }, signal),
    tesseractTsv: (tsv, pages, signal) =>
      run('tesseractTsvTask', 'Tesseract output parsing', { tsv, pages }, signal),
    pageGeometry: (samples, signal) =>
      run(
        'pageGeometryTask',
        'page image analysis',
        { text: ownCopy(samples.text), skew: ownCopy(samples.skew) },
        signal,
      ),
    language: (texts, signal) => run('languageTask', 'language detection', { texts }, signal),
  };
}

/** A view into a larger buffer would send that whole buffer: such a view is sent as its own copy. */
const ownBytes = (bytes: Uint8Array): Uint8Array =>
  bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);

const ownCopy = (page: GreyPage): GreyPage => ({ ...page, pixels: ownBytes(page.pixels) });
