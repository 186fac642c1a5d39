import type { EInvoiceReader } from '../format';
import { ciiReader } from './cii';
import { facturaeReader } from './facturae';
import { fatturapaReader } from './fatturapa';
import { sriReader } from './sri';
import { ublReader } from './ubl';

/**
 * Every reader, asked in order; the first whose `matches` accepts the root reads the document.
 * Registration point: one file per syntax in this folder, one import and one entry here.
 */
export const readers: readonly EInvoiceReader[] = [
  ciiReader,
  ublReader,
  fatturapaReader,
  facturaeReader,
  sriReader,
];
