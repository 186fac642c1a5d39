import type { DocType, Finding } from '@docflow/contracts';
import { classifyText, type Classifier } from '@docflow/model';
import { decideType } from './classify/decide-type';
import { prepareText } from './extract/document-text';
import { extractFromDocument } from './extract/extract-fields';
import type { Extraction } from './extract/field-set';
import { detectLanguage } from './language/detect-language';
import type { Language } from './language/language';
import { weighReceipt } from './receipt/receipt-type';
import { BLOCKING_CODES, validateExtraction } from './validate/validate-extraction';

export interface ProcessOptions {
  /** Below this calibrated probability the type goes to a person. */
  confidenceThreshold: number;
  futureToleranceDays: number;
  today: string;
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
  const extraction = extractFromDocument(decision.docType, doc);
  const findings = [
    ...(typed.finding ? [typed.finding] : []),
    ...(decision.finding && decision.finding !== typed.finding ? [decision.finding] : []),
    ...validateExtraction(decision.docType, extraction, options),
  ];
  const base = {
    docType: decision.docType,
    confidence: decision.confidence,
    modelVersion: classifier.version,
    language,
    candidates: prediction.candidates.slice(0, 3),
    extraction,
    findings,
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
