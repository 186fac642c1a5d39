import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';
import { pt } from './pt';
import type { Vocabulary } from './vocabulary';

/**
 * Every language the classifier reads, in order of precedence: a label two languages share keeps
 * the first one's weight, and a tie in language detection goes to the earlier one. Adding a
 * language is adding its file and a line here (docs/classifier.md, "Adding a language").
 */
export const VOCABULARIES = { en, es, fr, de, nl, it, pt } satisfies Record<string, Vocabulary>;

export type { FieldLabel, LabelGroup, Vocabulary } from './vocabulary';
export { LABEL_GROUPS } from './vocabulary';
