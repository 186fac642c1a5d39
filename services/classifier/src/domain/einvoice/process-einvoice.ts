import type { Finding } from '@docflow/contracts';
import { EInvoiceError, readEInvoice, type EInvoiceFinding } from '@docflow/einvoice';
import type { Classifier } from '@docflow/model';
import { detectLanguage } from '../language/detect-language';
import { processDocument, type ProcessOptions, type ProcessResult } from '../process-document';
import { BLOCKING_CODES, validateExtraction } from '../validate/validate-extraction';
import { einvoiceExtraction } from './einvoice-extraction';
import { pageAmountFindings } from './page-amounts';

/** The model version of a result decided by the e-invoice's own data, not by a model. */
export const EMBEDDED_XML_VERSION = 'embedded_xml';

export interface StructuredInput {
  xml: string;
  /** An XML upload, or a PDF carrying the XML (whose page is then compared with it). */
  container: 'xml' | 'pdf';
}

const toFinding = (f: EInvoiceFinding): Finding => ({
  code: f.code,
  severity: f.severity,
  message: f.message,
  ...(f.field ? { field: f.field } : {}),
  ...(f.rule ? { rule: f.rule } : {}),
});

/**
 * A structured e-invoice: the type comes from its type code (380 invoice, 381 credit note…), the
 * fields from its XML (confidence 1, method embedded_xml), the findings from EN 16931 validation,
 * the shared id and IBAN checks, and, for a PDF, the comparison of the page's amounts with the
 * XML. XML that cannot be read as an e-invoice falls back to the text path, with a warning.
 */
export function processEInvoice(
  classifier: Classifier,
  text: string,
  input: StructuredInput,
  options: ProcessOptions,
): ProcessResult {
  let reading;
  try {
    reading = readEInvoice(input.xml);
  } catch (err) {
    if (!(err instanceof EInvoiceError)) throw err;
    const fallback = processDocument(classifier, text, options);
    const finding: Finding = {
      code: 'embedded_xml.unreadable',
      severity: 'warning',
      message: `the e-invoice XML cannot be read (${err.code}: ${err.message.slice(0, 200)}); read from the text instead`,
    };
    return { ...fallback, findings: [finding, ...fallback.findings] };
  }
  const { invoice } = reading;
  const language = detectLanguage(text);
  const extraction = einvoiceExtraction(invoice);
  const findings: Finding[] = [
    ...reading.findings.map(toFinding),
    // the shared checks (ids, IBAN, dates, net + tax = total); lines are EN 16931's BR-CO-10,
    // against the line total, not against the tax basis, which allowances and charges move
    ...validateExtraction(
      invoice.docType,
      { fields: extraction.fields, tables: { taxLines: extraction.tables.taxLines ?? [] } },
      options,
    ),
    ...(input.container === 'pdf' ? pageAmountFindings(invoice, text, language) : []),
  ];
  const blocked = findings.some((f) => f.severity === 'error' && BLOCKING_CODES.has(f.code));
  return {
    outcome: blocked ? 'needs_review' : 'classified',
    ...(blocked ? { reason: 'validation_failed' as const } : {}),
    docType: invoice.docType,
    confidence: 1,
    modelVersion: EMBEDDED_XML_VERSION,
    language,
    candidates: [{ docType: invoice.docType, probability: 1 }],
    extraction,
    findings,
  };
}
