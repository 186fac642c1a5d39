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
 * The document's type: the model's, unless the model says `other` or is below the review threshold
 * and the page's structure names a type strongly (a title backed by what that type carries). Then
 * the structure's type is taken with the structure's strength as its confidence (also when it
 * confirms the model's unsure reading), and an info finding records both readings. The model was trained on English and Spanish only: on a German
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
