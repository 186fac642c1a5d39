import type { ExtractedField } from '@docflow/contracts';

/**
 * Readers that turn an extracted field into the canonical value of its kind, or null when the
 * field is missing or its value is not of that kind. The classifier already normalises (ISO dates,
 * numbers, ISO currency codes); these are the publisher's last line, not a second parser.
 */
type Source = Record<string, ExtractedField | undefined>;

export function text(source: Source, name: string): string | null {
  const value = source[name]?.value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : null;
  }
  if (typeof value === 'number') return String(value);
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function date(source: Source, name: string): string | null {
  const value = text(source, name);
  const match = value ? ISO_DATE.exec(value.slice(0, 10)) : null;
  if (!match) return null;
  const parsed = new Date(`${match[0]}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== match[0]
    ? null
    : match[0];
}

/** Amounts rounded to cents; numeric strings in plain `1234.56` form are accepted. */
export function amount(source: Source, name: string): number | null {
  const value = source[name]?.value;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
        ? Number(value.trim())
        : NaN;
  return Number.isFinite(number) ? Math.round(number * 100) / 100 : null;
}

export function currency(source: Source, name: string): string | null {
  const value = text(source, name)?.toUpperCase();
  return value && /^[A-Z]{3}$/.test(value) ? value : null;
}

/** Every field as its plain value (for archive records, which keep whatever was extracted). */
export function plainValues(source: Source): Record<string, string | number | boolean | null> {
  return Object.fromEntries(
    Object.entries(source)
      .filter((entry): entry is [string, ExtractedField] => entry[1] !== undefined)
      .map(([name, field]) => [name, field.value]),
  );
}

/** A number as stated, not rounded (quantities, unit prices, rates). */
export function number(source: Source, name: string): number | null {
  const value = source[name]?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
