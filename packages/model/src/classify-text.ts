import type { DocType } from '@docflow/contracts';
import { featurize, wordBuckets } from './features';
import type { Classifier } from './model-file';
import { predictProba } from './softmax-regression';

export interface Prediction {
  docType: DocType;
  /** The top calibrated probability, reduced when the text has few words the model knows. */
  confidence: number;
  /** Share of the text's words seen in training (0–1). */
  coverage: number;
  /** Every class with its calibrated probability, most likely first. */
  candidates: { docType: DocType; probability: number }[];
}

export function classifyText(classifier: Classifier, text: string): Prediction {
  const p = predictProba(classifier.linear, featurize(text, classifier.features));
  const candidates = classifier.linear.classes
    .map((docType, i) => ({
      docType: docType as DocType,
      probability: Math.round(p[i]! * 10_000) / 10_000,
    }))
    .sort((a, b) => b.probability - a.probability);
  const buckets = wordBuckets(text, classifier.features);
  const known = buckets.filter((b) => (classifier.vocabulary[b >> 3]! >> (b & 7)) & 1).length;
  const coverage = buckets.length ? known / buckets.length : 0;
  // Out-of-distribution guard: garbled or foreign text has few known words, and softmax
  // probabilities say nothing about inputs unlike the training data.
  const evidence = Math.min(1, coverage / 0.5) * Math.min(1, known / 8);
  const confidence = Math.round(candidates[0]!.probability * evidence * 10_000) / 10_000;
  return {
    docType: candidates[0]!.docType,
    confidence,
    coverage: Math.round(coverage * 1000) / 1000,
    candidates,
  };
}
