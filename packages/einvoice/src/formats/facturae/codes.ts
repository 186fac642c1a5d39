/** Facturae 3.2.x code lists the reader maps. */

/**
 * TaxTypeCode and rate as a UNCL5305 category: 01 IVA (S, or Z at 0 %), 02 IPSI (M, Ceuta and
 * Melilla), 03 IGIC (L, Canary Islands). Other taxes (05 other, 06 ITPAJD, …) keep their code.
 * A line's SpecialTaxableEventCode (3.2.2) wins: 01 exempt (E), 02 not subject (O).
 */
export function vatCategory(
  taxType: string | null,
  rate: number | null,
  specialEvent: string | null = null,
): string | null {
  if (specialEvent === '01') return 'E';
  if (specialEvent === '02') return 'O';
  if (taxType === '02') return 'M';
  if (taxType === '03') return 'L';
  if (taxType === '01' || taxType === null) {
    if (rate === null) return null;
    return rate > 0 ? 'S' : 'Z';
  }
  return taxType;
}

/** UnitOfMeasure codes with a UN/ECE Recommendation 20 equivalent; others stay as written. */
const UNITS: Record<string, string> = {
  '01': 'C62',
  '02': 'HUR',
  '03': 'KGM',
  '04': 'LTR',
};

export function unitCode(code: string | null): string | null {
  return code === null ? null : (UNITS[code] ?? code);
}

/** InvoiceClass codes of corrective invoices (facturas rectificativas): OR original, CR copy. */
export const CORRECTIVE_CLASSES: ReadonlySet<string> = new Set(['OR', 'CR']);
