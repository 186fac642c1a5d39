import type { DocType, Finding } from '@docflow/contracts';
import { classifyText, type Classifier } from '@docflow/model';
import { decideType } from './classify/decide-type';
import { prepareText } from './extract/document-text';
import { extractFromDocument } from './extract/extract-fields';
import type { Extraction } from './extract/field-set';
import { detectLanguage } from './language/detect-language';
import type { Language } from './language/language';
import { weighReceipt } from './receipt/receipt-type';
import { chooseLayout } from '@docflow/vendor-memory';
import { BLOCKING_CODES, validateExtraction } from './validate/validate-extraction';
import { applyVendorLayout, type VendorMemory } from './vendor/apply-vendor-layout';
import { vendorKeysOf } from './vendor/vendor-keys-of';

export interface ProcessOptions {
  /** Below this calibrated probability the type goes to a person. */
  confidenceThreshold: number;
  futureToleranceDays: number;
  today: string;
  /**
   * Layouts reviewers taught for vendors this document may be from (looked up by the keys a first
   * run returned in `vendorKeys`, newest first): the one of its type whose vendor the text names
   * and whose keys it holds most strongly is applied (chooseLayout).
   */
  vendorMemory?: readonly VendorMemory[];
}

export interface ProcessResult {
  outcome: 'classified' | 'needs_review';
  reason?: 'low_confidence' | 'validation_failed';
  docType: DocType;
  confidence: number;
  modelVersion: string;
  language: Language;
  candidates: { docType: DocType; probability: number }[];
  extraction: Extraction;
  findings: Finding[];
  /** Keys the document's vendor may be remembered by (its head lines' names, ids in the text). */
  vendorKeys: string[];
  /** The lesson the fields were read with, if one applied. */
  vendorMemory?: string;
}

/**
 * The classifier's whole decision for one text: type (trained model, or the page's structure where
 * the model says `other` or is unsure), fields, findings, and whether it can be published. Low
 * confidence or a blocking arithmetic finding means review: a wrong total is never passed on
 * silently.
 */
export function processDocument(
  classifier: Classifier,
  text: string,
  options: ProcessOptions,
): ProcessResult {
  const prediction = classifyText(classifier, text);
  const language = detectLanguage(text);
  const doc = prepareText(text, language);
  const typed = decideType(prediction, doc, options.confidenceThreshold);
  // a till receipt titled `TAX INVOICE`: the till's structure weighs against the invoice reading
  const decision = weighReceipt(
    typed,
    prediction.candidates.find((c) => c.docType === 'receipt')?.probability ?? 0,
    doc,
  );
  const extracted = extractFromDocument(decision.docType, doc);
  const vendorKeys = vendorKeysOf(text, extracted);
  const memory =
    options.vendorMemory && chooseLayout(options.vendorMemory, vendorKeys, decision.docType, text);
  const remembered = memory && applyVendorLayout(doc, extracted, memory);
  const extraction = remembered?.extraction ?? extracted;
  const findings = [
    ...(typed.finding ? [typed.finding] : []),
    ...(decision.finding && decision.finding !== typed.finding ? [decision.finding] : []),
    ...validateExtraction(decision.docType, extraction, options),
    ...(remembered?.findings ?? []),
  ];
  const base = {
    docType: decision.docType,
    confidence: decision.confidence,
    modelVersion: classifier.version,
    language,
    candidates: prediction.candidates.slice(0, 3),
    extraction,
    findings,
    vendorKeys,
    ...(memory ? { vendorMemory: memory.learnedFrom } : {}),
  };
  if (decision.confidence < options.confidenceThreshold) {
    // the reviewer is told what to check first: the type, and what else it might be
    const uncertain: Finding = {
      code: 'doc_type.uncertain',
      severity: 'warning',
      field: 'docType',
      message: `the type ${decision.docType} is uncertain (confidence ${decision.confidence.toFixed(2)} < ${options.confidenceThreshold}); also possible: ${describeCandidates(base.candidates, decision.docType)}`,
    };
    return {
      ...base,
      findings: [uncertain, ...findings],
      outcome: 'needs_review',
      reason: 'low_confidence',
    };
  }
  if (findings.some((f) => f.severity === 'error' && BLOCKING_CODES.has(f.code))) {
    return { ...base, outcome: 'needs_review', reason: 'validation_failed' };
  }
  return { ...base, outcome: 'classified' };
}

const describeCandidates = (candidates: ProcessResult['candidates'], chosen: DocType): string =>
  candidates
    .filter((c) => c.docType !== chosen)
    .map((c) => `${c.docType} ${c.probability.toFixed(2)}`)
    .join(', ') || 'nothing else';
