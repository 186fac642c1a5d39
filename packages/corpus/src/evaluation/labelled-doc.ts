import type { DocType } from '@docflow/contracts';

/** A field's true value: a number (amounts) or a string (ISO dates, names, codes). */
export type TruthValue = string | number;

/** What a document truly is and holds, in the classifier's field names. */
export interface Truth {
  docType: DocType;
  fields: Record<string, TruthValue>;
}

/** One document to score: its truth and the text the classifier is given. */
export interface LabelledDoc extends Truth {
  id: string;
  /** Language (or other group) the report breaks accuracy down by. */
  lang: string;
  text: string;
}
