import type { Classifier } from '@docflow/model';
import { processEInvoice, type StructuredInput } from './einvoice/process-einvoice';
import { processDocument, type ProcessOptions, type ProcessResult } from './process-document';

export interface ProcessDocumentInput {
  text: string;
  options: ProcessOptions;
  /** A structured e-invoice's XML: its data decides type and fields (process-einvoice.ts). */
  einvoice?: StructuredInput;
}

/**
 * processDocument as a budget runner task (src/adapters/worker-processor.ts): runs in a worker
 * thread, where the model is a shared value the worker keeps by version between documents.
 */
export function processDocumentTask(
  input: ProcessDocumentInput,
  shared: { model: Classifier },
): ProcessResult {
  return input.einvoice
    ? processEInvoice(shared.model, input.text, input.einvoice, input.options)
    : processDocument(shared.model, input.text, input.options);
}
