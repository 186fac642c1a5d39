import {
  amountCandidates,
  detectLanguage,
  prepareText,
  totalFeatures,
} from '@docflow/classifier/domain/receipt';
import type { ScorerExample } from './fit-total-scorer';

/** A receipt text and its true total, as the scorer learns from it. */
export interface TotalExample {
  /** Documents of one group (a merchant) are held out together in cross-validation. */
  group: string;
  text: string;
  total: number;
  weight: number;
}

export interface BuiltExample extends ScorerExample {
  values: number[];
  total: number;
}

/** The candidates of one receipt as the service finds them, with their features and labels. */
export function toScorerExample(example: TotalExample): BuiltExample {
  const doc = prepareText(example.text, detectLanguage(example.text));
  const candidates = amountCandidates(doc);
  return {
    features: totalFeatures(doc, candidates),
    correct: candidates.map((c) => Math.abs(c.value - example.total) < 0.005),
    values: candidates.map((c) => c.value),
    total: example.total,
    weight: example.weight,
  };
}

/** A merchant's name folded to group its receipts (`S.H.H. MOTOR SDN. BHD.` = `SHH MOTOR SDN BHD`). */
export const merchantGroup = (name: string): string =>
  name
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/(SDNBHD|BHD|SB)$/, '');
