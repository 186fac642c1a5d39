import { detectCurrency } from '../normalise/amount';
import { checkTaxId } from '../validate/tax-id';
import { field, type DocumentText } from './document-text';
import type { Fields } from './field-set';

const BY_TAX_SCHEME: Record<string, string> = {
  es: 'EUR',
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
  const re = /\b(EUR|USD|GBP|COP|PEN|MXN|CLP|ARS|CHF)\b|US\$|S\/\.?(?=\s?\d)|[€£$]/g;
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

/** The country a document's tax ids point to (`es`, `co`, `cl`, `ar`…; `mx` when an RFC shows). */
export function taxCountryOf(doc: DocumentText, taxIds: string[]): string | undefined {
  const scheme = taxIds.map((id) => checkTaxId(id).scheme).find(Boolean);
  if (/\bR\.?F\.?C\.?\b/.test(doc.text)) return 'mx';
  return scheme?.startsWith('es_') ? 'es' : scheme?.slice(0, 2);
}
