import type { DocType, Finding } from '@docflow/contracts';
import type { DocumentText } from '../extract/document-text';
import { receiptEvidence } from './receipt-evidence';

export interface TypeReading {
  docType: DocType;
  confidence: number;
}

/** The types a till receipt is mistaken for: an invoice by its `TAX INVOICE` title, a refund, `other`. */
const CONFUSED_WITH: ReadonlySet<DocType> = new Set(['invoice', 'credit_note', 'other']);

const logit = (p: number) => Math.log(p / (1 - p));
/**
 * The model's log-odds count for this much: it was calibrated on generated text, and on real
 * receipts titled `TAX INVOICE` it says invoice with 0.95–1.00 (SROIE), so its certainty is
 * tempered before the page's structure is added.
 */
const MODEL_WEIGHT = 0.6;
const clamp = (p: number) => Math.min(0.99, Math.max(0.01, p));

/**
 * Receipt or not, from the model's probability of `receipt` and the till's structure on the page
 * (`receiptEvidence`), added in log-odds: P = σ(logit(p_model) + evidence). When the model read
 * an invoice, credit note or `other` and the page's till structure outweighs it, the type becomes
 * `receipt` with P as its confidence — so a thin case stays below the review threshold — and an
 * info finding says why; when the model read `receipt` and the page says invoice (a customer to
 * bill, a due date, bank details), its confidence drops to P.
 */
export function weighReceipt(
  reading: TypeReading,
  receiptProbability: number,
  doc: DocumentText,
): TypeReading & { finding?: Finding } {
  const evidence = receiptEvidence(doc);
  const p =
    1 / (1 + Math.exp(-(MODEL_WEIGHT * logit(clamp(receiptProbability)) + evidence.logOdds)));
  const rounded = Math.round(p * 1000) / 1000;
  if (reading.docType === 'receipt') {
    return evidence.logOdds < 0
      ? { docType: 'receipt', confidence: Math.min(reading.confidence, rounded) }
      : reading;
  }
  if (!CONFUSED_WITH.has(reading.docType) || p <= 0.5) return reading;
  return {
    docType: 'receipt',
    confidence: rounded,
    finding: {
      code: 'doc_type.receipt_structure',
      severity: 'info',
      message: `typed receipt from the till's structure (${evidence.signs.join(', ')}); the model read ${reading.docType} (${reading.confidence.toFixed(2)})`,
    },
  };
}
