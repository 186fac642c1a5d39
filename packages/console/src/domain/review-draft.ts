import { parseAmount } from './amount';
import type { TextRange } from './highlight';

/** A field as the API gives it (value, raw text, confidence, span). */
export interface FieldValue {
  value: string | number | boolean | null;
  raw?: string;
  confidence: number;
  span?: { start: number; end: number; page?: number };
}

/** What the reviewer edits: each value as text, and whether they touched it. */
export interface DraftField {
  text: string;
  original: FieldValue | null;
  span?: TextRange;
  changed: boolean;
}

export interface ReviewDraft {
  docType: string;
  fields: Record<string, DraftField>;
  tables: Record<string, Record<string, DraftField>[]>;
}

export function showValue(value: FieldValue['value'] | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function draftFrom(
  result: {
    docType?: string;
    fields: Record<string, FieldValue>;
    tables: Record<string, Record<string, FieldValue>[]>;
  } | null,
): ReviewDraft {
  const field = (f: FieldValue): DraftField => ({
    text: showValue(f.value),
    original: f,
    changed: false,
  });
  return {
    docType: result?.docType ?? 'other',
    fields: Object.fromEntries(Object.entries(result?.fields ?? {}).map(([k, f]) => [k, field(f)])),
    tables: Object.fromEntries(
      Object.entries(result?.tables ?? {}).map(([name, rows]) => [
        name,
        rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, f]) => [k, field(f)]))),
      ]),
    ),
  };
}

/** A typed value from what the reviewer wrote, shaped like the value the extraction had. */
export function valueOf(text: string, original: FieldValue | null): FieldValue['value'] {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (typeof original?.value === 'number') return parseAmount(trimmed) ?? trimmed;
  if (typeof original?.value === 'boolean') return /^(true|yes|s[ií]|1)$/i.test(trimmed);
  return trimmed;
}

function fieldOut(f: DraftField): FieldValue {
  if (!f.changed && f.original) return f.original;
  return {
    value: valueOf(f.text, f.original),
    raw: f.text,
    confidence: 1,
    ...(f.span ? { span: { start: f.span.start, end: f.span.end } } : {}),
  };
}

/**
 * The body of `POST /v1/documents/{id}/review`. A review replaces the extraction, so every field
 * and table goes back: untouched ones as they were, corrected ones with confidence 1.
 */
export function reviewBody(draft: ReviewDraft): {
  docType: string;
  fields: Record<string, FieldValue>;
  tables: Record<string, Record<string, FieldValue>[]>;
} {
  return {
    docType: draft.docType,
    fields: Object.fromEntries(Object.entries(draft.fields).map(([k, f]) => [k, fieldOut(f)])),
    tables: Object.fromEntries(
      Object.entries(draft.tables).map(([name, rows]) => [
        name,
        rows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, f]) => [k, fieldOut(f)])),
        ),
      ]),
    ),
  };
}
