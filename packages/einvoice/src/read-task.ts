import { join } from 'node:path';
import { readEInvoice, type EInvoiceReading } from './read-einvoice';

/**
 * The budget-runner task reading an e-invoice: parsing runs on user data, so services run it
 * through `BudgetRunner.run({ module: READ_EINVOICE_TASK_MODULE, fn: 'readEInvoiceTask', input })`
 * (packages/platform/src/budget): a pathological file costs a worker, never the event loop.
 */
export const READ_EINVOICE_TASK_MODULE = join(__dirname, 'read-task');
export const READ_EINVOICE_TASK_FN = 'readEInvoiceTask';

export interface ReadEInvoiceInput {
  /** The XML as text or bytes (bytes are decoded by their declared encoding). */
  xml: string | Uint8Array;
}

export function readEInvoiceTask(input: ReadEInvoiceInput): EInvoiceReading {
  return readEInvoice(input.xml);
}
