import {
  LABEL_GROUPS,
  VOCABULARIES,
  type FieldLabel,
  type LabelGroup,
} from '../language/vocabulary';
import { fold } from './document-text';

/**
 * Label synonyms per field, from every language's vocabulary (language/vocabulary/), each with a
 * weight (how specific the label is). They are matched on folded text (no accents, OCR look-alikes
 * merged), so `Fecha de emisión`, `FECHA DE EMISION` and `Fccha de ernision`-style noise meet the
 * same pattern. All languages' labels apply to every document: a German invoice with English
 * column heads, or a Swiss one in two languages, still has its labels read.
 */
export type { FieldLabel, LabelGroup } from '../language/vocabulary';

function mergeLabels(group: LabelGroup): FieldLabel[] {
  const seen = new Set<string>();
  const merged: FieldLabel[] = [];
  for (const vocabulary of Object.values(VOCABULARIES)) {
    for (const [label, weight] of vocabulary.labels[group] ?? []) {
      if (seen.has(label)) continue;
      seen.add(label);
      merged.push([label, weight]);
    }
  }
  return merged;
}

export const LABELS = Object.fromEntries(
  LABEL_GROUPS.map((group) => [group, mergeLabels(group)]),
) as Record<LabelGroup, FieldLabel[]>;

export interface CompiledLabel {
  pattern: RegExp;
  /** Text every match contains (the longest dot-free piece of a word): a line without it is skipped. */
  required: string;
  weight: number;
  label: string;
}

/** The longest piece of the label's folded words that every match holds literally (dots are optional). */
function requiredText(label: string): string {
  return fold(label)
    .split(/\s+/)
    .flatMap((token) => token.split('.'))
    .reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

function compile(label: string): RegExp {
  const tokens = fold(label)
    .split(/\s+/)
    .map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\./g, '\\.?'));
  // a word printed with its letters spaced out (`T O T A L`) only matches spaced letters
  const joiner = tokens.every((t) => t.length === 1) ? '\\s+' : '[\\s.:/_-]*';
  return new RegExp(`(?<![a-z0-9])${tokens.join(joiner)}(?![a-z])`, 'g');
}

const compiled = new Map<LabelGroup, CompiledLabel[]>();

/** The group's labels as patterns over folded text, longest first (so specific labels win). */
export function labelsOf(group: LabelGroup): CompiledLabel[] {
  let found = compiled.get(group);
  if (!found) {
    found = [...LABELS[group]]
      .sort((a, b) => b[0].length - a[0].length)
      .map(([label, weight]) => ({
        pattern: compile(label),
        required: requiredText(label),
        weight,
        label,
      }));
    compiled.set(group, found);
  }
  return found;
}
