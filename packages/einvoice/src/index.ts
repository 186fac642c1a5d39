export { EINVOICE_ATTACHMENT_NAMES, einvoiceAttachment } from './attachment';
export {
  EInvoiceError,
  einvoiceErrorCodes,
  isEInvoiceErrorCode,
  type EInvoiceErrorCode,
} from './einvoice-error';
export type { EInvoiceFinding } from './findings';
export type { EInvoiceReader } from './format';
export { readers } from './formats';
export { readFacturaeInvoices } from './formats/facturae';
export { readFatturapaInvoices } from './formats/fatturapa';
export type {
  EInvoice,
  EInvoiceAddress,
  EInvoiceDocType,
  EInvoiceLine,
  EInvoiceParty,
  EInvoicePayment,
  EInvoiceSyntax,
  EInvoiceTax,
  EInvoiceTotals,
} from './model';
export { findReader, readEInvoice, type EInvoiceReading, type ReadOptions } from './read-einvoice';
export {
  READ_EINVOICE_TASK_FN,
  READ_EINVOICE_TASK_MODULE,
  readEInvoiceTask,
  type ReadEInvoiceInput,
} from './read-task';
export { validateEInvoice } from './validate';
export { clean, decimal, isoDate } from './values';
export { decodeXml } from './xml-decode';
export {
  DEFAULT_XML_LIMITS,
  all,
  at,
  attribute,
  child,
  children,
  descendant,
  parseXml,
  text,
  textAt,
  type XmlElement,
  type XmlLimits,
} from './xml';
