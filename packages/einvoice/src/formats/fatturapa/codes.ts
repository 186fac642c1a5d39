/** FatturaPA code lists the reader maps (Specifiche tecniche FatturaPA 1.2.x). */

/** TipoDocumento codes that are credit notes: TD04 nota di credito, TD08 nota di credito semplificata. */
export const CREDIT_NOTE_TYPES: ReadonlySet<string> = new Set(['TD04', 'TD08']);

/**
 * Natura (why a line or summary carries no VAT) as a UNCL5305 category, per the Italian CIUS
 * mapping; codes without an equivalent (N5 margin scheme, N7 VAT paid in another EU state) stay
 * as written.
 */
export function vatCategory(rate: number | null, natura: string | null): string | null {
  if (natura === null) return rate !== null && rate > 0 ? 'S' : null;
  const code = natura.toUpperCase();
  if (code === 'N3.1') return 'G';
  if (code === 'N3.2') return 'K';
  if (code.startsWith('N1') || code.startsWith('N2')) return 'O';
  if (code.startsWith('N3')) return 'Z';
  if (code.startsWith('N4')) return 'E';
  if (code.startsWith('N6')) return 'AE';
  return natura;
}

const PAYMENT_CONDITIONS: Record<string, string> = {
  TP01: 'pagamento a rate',
  TP02: 'pagamento completo',
  TP03: 'anticipo',
};

/** CondizioniPagamento with its meaning ("TP02 pagamento completo"), as the terms text. */
export function paymentTerms(condition: string | null, days: string | null): string | null {
  if (condition === null) return null;
  const label = PAYMENT_CONDITIONS[condition];
  const terms = label ? `${condition} ${label}` : condition;
  return days !== null && days !== '0' ? `${terms}, ${days} giorni` : terms;
}
