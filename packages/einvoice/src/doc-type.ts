import type { EInvoiceDocType } from './model';

/**
 * UNCL1001 document type codes that are credit notes (EN 16931 allows 81, 83, 381, 396, 532):
 * credit note, credit note related to goods or services, credit note related to financial
 * adjustments, factored credit note, forwarder's credit note. Every other code is an invoice.
 */
const CREDIT_NOTE_CODES = new Set(['81', '83', '261', '262', '381', '396', '420', '458', '532']);

export function docTypeOfCode(typeCode: string | null): EInvoiceDocType {
  return typeCode !== null && CREDIT_NOTE_CODES.has(typeCode.trim()) ? 'credit_note' : 'invoice';
}
