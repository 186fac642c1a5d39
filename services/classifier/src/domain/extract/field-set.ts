import type { ExtractedField } from '@docflow/contracts';
import { field, type DocumentText, type Line } from './document-text';
import type { Token } from './tokens';

export type Fields = Record<string, ExtractedField>;
export type Tables = Record<string, Record<string, ExtractedField>[]>;

export interface Extraction {
  fields: Fields;
  tables: Tables;
}

/** A token of a line as a field (document offsets, page, raw text). */
export function fromToken<T extends ExtractedField['value']>(
  doc: DocumentText,
  line: Line,
  token: Token<T>,
  confidence: number,
): ExtractedField {
  return field(doc, token.value, line.start + token.from, line.start + token.to, confidence);
}
