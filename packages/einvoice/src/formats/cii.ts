import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';

export const ciiReader: EInvoiceReader = {
  syntax: 'cii',
  matches: () => false,
  read: () => {
    throw new EInvoiceError('EINVOICE_UNREADABLE', 'cii is not supported yet');
  },
};
