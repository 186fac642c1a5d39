import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';

// Registration point: the fatturapa reader is written on branch einvoice-formats, which replaces
// this placeholder (it recognises nothing until then).
export const fatturapaReader: EInvoiceReader = {
  syntax: 'fatturapa',
  matches: () => false,
  read: () => {
    throw new EInvoiceError('EINVOICE_UNREADABLE', 'fatturapa is not supported yet');
  },
};
