import { detectCurrency } from '../normalise/amount';
import { CODE_ALTERNATIVES } from '../normalise/currency-signs';
import { checkTaxId } from '../validate/tax-id';
import { field, type DocumentText } from './document-text';
import type { Fields } from './field-set';

/** The currency of the country a document's tax ids point to (EU VAT ids by their prefix). */
const BY_TAX_SCHEME: Record<string, string> = {
  es: 'EUR',
  de: 'EUR',
  at: 'EUR',
  fr: 'EUR',
  be: 'EUR',
  nl: 'EUR',
  lu: 'EUR',
  it: 'EUR',
  pt: 'EUR',
  ie: 'EUR',
  fi: 'EUR',
  el: 'EUR',
  gb: 'GBP',
  ch: 'CHF',
  co: 'COP',
  pe: 'PEN',
  ec: 'USD',
  cl: 'CLP',
  ar: 'ARS',
  mx: 'MXN',
};
/** Countries whose own currency is written `$`. */
const PESO: Record<string, string> = { co: 'COP', mx: 'MXN', cl: 'CLP', ar: 'ARS' };

/**
 * The document's currency: an explicit code or symbol next to its amounts (most frequent wins),
 * `$` read by the country its tax ids point to (COP in Colombia, CLP in Chile, ARS in Argentina,
 * MXN with an RFC, USD in Ecuador), else the country of the tax ids alone (lower confidence).
 */
export function extractCurrency(doc: DocumentText, fields: Fields, taxCountry?: string): void {
  const counts = new Map<string, { n: number; start: number; end: number }>();
  const re = new RegExp(
    String.raw`\b(?:${CODE_ALTERNATIVES})\b|US\$|MX\$|R\$|S\/\.?(?=\s?\d)|\bRM(?=\s?\d)|\bRs\.?(?=\s?\d)|[€£$₹]`,
    'g',
  );
  for (const m of doc.text.matchAll(re)) {
    let code = detectCurrency(m[0]) ?? (m[0] === '$' ? 'USD' : undefined);
    if (!code) continue;
    if (m[0] === '$') code = (taxCountry && PESO[taxCountry]) ?? 'USD';
    const entry = counts.get(code) ?? { n: 0, start: m.index, end: m.index + m[0].length };
    entry.n += 1;
    counts.set(code, entry);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (best) {
    fields.currency = field(
      doc,
      best[0],
      best[1].start,
      best[1].end,
      counts.size === 1 ? 0.95 : 0.75,
    );
    return;
  }
  const inferred = taxCountry ? BY_TAX_SCHEME[taxCountry] : undefined;
  if (inferred) fields.currency = { value: inferred, confidence: 0.6 };
}

/**
 * The country a document's tax ids point to (`es`, `co`, `cl`, `ar`…; `mx` when an RFC shows; an
 * EU VAT id's prefix, `de`, `fr`, `gb`, `ch` for `CHE`…).
 */
export function taxCountryOf(doc: DocumentText, taxIds: string[]): string | undefined {
  const found = taxIds.map((id) => ({ id, scheme: checkTaxId(id).scheme })).find((t) => t.scheme);
  if (/\bR\.?F\.?C\.?\b/.test(doc.text)) return 'mx';
  if (found?.scheme === 'eu_vat') return found.id.slice(0, 2).toLowerCase();
  return found?.scheme?.startsWith('es_') ? 'es' : found?.scheme?.slice(0, 2);
}
