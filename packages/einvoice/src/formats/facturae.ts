import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';

// Registration point: the facturae reader is written on branch einvoice-formats, which replaces
// this placeholder (it recognises nothing until then).
export const facturaeReader: EInvoiceReader = {
  syntax: 'facturae',
  matches: () => false,
  read: () => {
    throw new EInvoiceError('EINVOICE_UNREADABLE', 'facturae is not supported yet');
  },
};
