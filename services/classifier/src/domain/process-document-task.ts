import type { Classifier } from '@docflow/model';
import { processDocument, type ProcessOptions, type ProcessResult } from './process-document';

export interface ProcessDocumentInput {
  text: string;
  options: ProcessOptions;
}

/**
 * processDocument as a budget runner task (src/adapters/worker-processor.ts): runs in a worker
 * thread, where the model is a shared value the worker keeps by version between documents.
 */
export function processDocumentTask(
  input: ProcessDocumentInput,
  shared: { model: Classifier },
): ProcessResult {
  return processDocument(shared.model, input.text, input.options);
}
