/** SRI (Ecuador) code lists the reader maps (ficha técnica de comprobantes electrónicos). */

/** IVA codigoPorcentaje → rate in percent, for documents that give no tarifa. */
const IVA_RATES: Record<string, number> = {
  '0': 0,
  '2': 12,
  '3': 14,
  '4': 15,
  '5': 5,
  '6': 0,
  '7': 0,
  '8': 8,
  '10': 13,
};

/** Tax codigo: 2 IVA, 3 ICE (excise), 5 IRBPNR (plastic bottles). */
const TAX_NAMES: Record<string, string> = { '3': 'ICE', '5': 'IRBPNR' };

export const IVA = '2';

export function taxRate(codigo: string | null, porcentaje: string | null, tarifa: number | null) {
  if (tarifa !== null) return tarifa;
  return codigo === IVA && porcentaje !== null ? (IVA_RATES[porcentaje] ?? null) : null;
}

/**
 * IVA as a UNCL5305 category: 6 no objeto de impuesto (O), 7 exento (E), 0 % (Z), else S. Other
 * taxes keep their SRI name (ICE, IRBPNR) or code.
 */
export function taxCategory(
  codigo: string | null,
  porcentaje: string | null,
  rate: number | null,
): string | null {
  if (codigo !== IVA) return codigo === null ? null : (TAX_NAMES[codigo] ?? codigo);
  if (porcentaje === '6') return 'O';
  if (porcentaje === '7') return 'E';
  if (rate === null) return null;
  return rate > 0 ? 'S' : 'Z';
}

/** moneda: SRI writes "DOLAR" (Ecuador's currency is the US dollar, also when moneda is absent). */
export function currency(moneda: string | null): string {
  if (moneda === null || /^d[oó]lar/i.test(moneda)) return 'USD';
  return moneda.toUpperCase();
}

/** tipoIdentificacionComprador of Ecuadorian ids: 04 RUC, 05 cédula, 07 consumidor final. */
export const ECUADORIAN_ID_TYPES: ReadonlySet<string> = new Set(['04', '05', '07']);

/** codDoc of a nota de crédito. */
export const CREDIT_NOTE_COD_DOC = '04';
