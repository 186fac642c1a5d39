import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';

export const ublReader: EInvoiceReader = {
  syntax: 'ubl',
  matches: () => false,
  read: () => {
    throw new EInvoiceError('EINVOICE_UNREADABLE', 'ubl is not supported yet');
  },
};
