import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';

// Registration point: the sri reader is written on branch einvoice-formats, which replaces
// this placeholder (it recognises nothing until then).
export const sriReader: EInvoiceReader = {
  syntax: 'sri',
  matches: () => false,
  read: () => {
    throw new EInvoiceError('EINVOICE_UNREADABLE', 'sri is not supported yet');
  },
};
