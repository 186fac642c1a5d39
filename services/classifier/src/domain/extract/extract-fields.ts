import type { Language } from '../language/language';
import type { DocType } from '@docflow/contracts';
import { extractContract } from './contract-extractor';
import { prepareText, type DocumentText } from './document-text';
import type { Extraction } from './field-set';
import { extractInvoice } from './invoice-extractor';
import { extractPayslip } from './payslip-extractor';
import { extractReceipt } from './receipt-extractor';
import { extractStatement } from './statement-extractor';

/** Runs the extractor of a document type over the document's text. */
export function extractFields(docType: DocType, text: string, language: Language): Extraction {
  return extractFromDocument(docType, prepareText(text, language));
}

/** Runs the extractor of a document type over a prepared text (its lines and label hits are shared). */
export function extractFromDocument(docType: DocType, doc: DocumentText): Extraction {
  switch (docType) {
    case 'invoice':
    case 'credit_note':
      return extractInvoice(doc, docType);
    case 'receipt':
      return extractReceipt(doc);
    case 'bank_statement':
      return extractStatement(doc);
    case 'contract':
      return extractContract(doc);
    case 'payslip':
      return extractPayslip(doc);
    default:
      return { fields: {}, tables: {} };
  }
}
