import { join } from 'node:path';
import type { Classifier } from '@docflow/model';
import type { BudgetRunner } from '@docflow/platform';
import type { ProcessOptions, ProcessResult } from '../domain/process-document';
import type { StructuredInput } from '../domain/einvoice/process-einvoice';
import type { ProcessDocumentInput } from '../domain/process-document-task';

/** Runs processDocument for one text, off the event loop. */
export type DocumentProcessor = (
  classifier: Classifier,
  text: string,
  options: ProcessOptions,
  signal?: AbortSignal,
  /** A structured e-invoice's XML, read in the worker too (parsing is work on user data). */
  einvoice?: StructuredInput,
) => Promise<ProcessResult>;

// resolved in the worker: process-document-task.js when built, .ts under jest
const TASK_MODULE = join(__dirname, '..', 'domain', 'process-document-task');

/**
 * processDocument in the budget runner's worker threads. The model is a shared value keyed by its
 * version, so each worker is sent a model once (a structured clone of its typed arrays, about 2 MB
 * for the base model) and keeps it for the documents after; only the text and the options cross
 * per document.
 */
export function createWorkerProcessor(runner: BudgetRunner): DocumentProcessor {
  return (classifier, text, options, signal, einvoice) =>
    runner.run<ProcessDocumentInput, ProcessResult>({
      module: TASK_MODULE,
      fn: 'processDocumentTask',
      input: { text, options, ...(einvoice ? { einvoice } : {}) },
      shared: { model: { key: classifier.version, value: () => classifier } },
      ...(signal ? { signal } : {}),
    });
}
