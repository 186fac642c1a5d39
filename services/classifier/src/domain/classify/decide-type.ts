import type { DocType, Finding } from '@docflow/contracts';
import type { Prediction } from '@docflow/model';
import type { DocumentText } from '../extract/document-text';
import { STRONG_EVIDENCE, structuralEvidence } from './structural-evidence';

export interface TypeDecision {
  docType: DocType;
  confidence: number;
  /** Set when the structure, not the model, named the type: says what it saw and what the model said. */
  finding?: Finding;
}

/**
 * The document's type: the model's, unless the model says `other` and the page's structure names a
 * type strongly (a title backed by what that type carries), or the model is below the review
 * threshold and the structure names the same type strongly. Then the structure's type is taken
 * with the structure's strength as its confidence, and an info finding records both readings. An
 * unsure reading of one type is never swapped for another (receipts titled `TAX INVOICE`). The model was trained on English and Spanish only: on a German
 * `Rechnung` it says `other`, and the page plainly says invoice.
 */
export function decideType(
  prediction: Prediction,
  doc: DocumentText,
  confidenceThreshold: number,
): TypeDecision {
  const model = { docType: prediction.docType, confidence: prediction.confidence };
  if (prediction.docType !== 'other' && prediction.confidence >= confidenceThreshold) return model;
  const evidence = structuralEvidence(doc);
  if (!evidence || evidence.docType === 'other' || evidence.strength < STRONG_EVIDENCE)
    return model;
  const agrees = evidence.docType === prediction.docType;
  // an unsure model reading of one type is confirmed by the page, never swapped for another type
  if (prediction.docType !== 'other' && !agrees) return model;
  if (agrees && evidence.strength <= prediction.confidence) return model;
  return {
    docType: evidence.docType,
    confidence: evidence.strength,
    finding: {
      code: 'doc_type.structural',
      severity: 'info',
      message: `${agrees ? 'confirmed' : 'typed'} ${evidence.docType} from the page (${evidence.reasons.join(', ')}); the model read ${prediction.docType} (${prediction.confidence.toFixed(2)})`,
    },
  };
}
