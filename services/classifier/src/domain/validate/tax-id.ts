import { checkEuVat } from './eu-vat';
import type { IdCheck } from './iban';
import {
  checkArgentineCuit,
  checkChileanRut,
  checkColombianNit,
  checkEcuadorianRuc,
  checkPeruvianRuc,
} from './latam-tax-id';
import { checkSpanishTaxId, spanishIdKind } from './spanish-tax-id';

export type TaxIdScheme =
  'es_nif' | 'es_nie' | 'es_cif' | 'eu_vat' | 'co_nit' | 'ec_ruc' | 'pe_ruc' | 'cl_rut' | 'ar_cuit';

/** Which country's id a label names, when the digits alone are ambiguous. */
export type TaxIdHint = 'nit' | 'ruc' | 'rut' | 'cuit';

export interface TaxIdCheck extends IdCheck {
  scheme?: TaxIdScheme;
}

/**
 * Recognises a tax id by shape (and the label's country hint when digits alone are ambiguous) and
 * checks it: EU VAT (country prefix), Spanish NIF/NIE/CIF, Argentine CUIT, Chilean RUT, Colombian
 * NIT, Ecuadorian RUC, Peruvian RUC. An id of no known shape comes back without a scheme.
 */
export function checkTaxId(raw: string, hint?: TaxIdHint): TaxIdCheck {
  const compact = raw.replace(/[\s.]/g, '').toUpperCase();
  if (/^ES[A-Z0-9]\d{7}[A-Z0-9]$/.test(compact)) {
    const es = checkSpanishTaxId(compact.slice(2));
    return { ...es, normalised: compact, scheme: `es_${es.kind ?? 'nif'}` as TaxIdScheme };
  }
  if (
    /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|GR|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|GB|XI|CHE|NO)[A-Z0-9-]{2,14}$/.test(
      compact,
    )
  ) {
    return { ...checkEuVat(compact), scheme: 'eu_vat' };
  }
  // a valid RUT before the Spanish NIF, whose letters include the RUT's K (`76.930.441-K`)
  const rutShape = /^\d{7,8}-[\dK]$/.test(compact);
  if (rutShape && (hint === 'rut' || checkChileanRut(compact).valid))
    return { ...checkChileanRut(compact), scheme: 'cl_rut' };
  const kind = spanishIdKind(compact);
  if (kind) return { ...checkSpanishTaxId(compact), scheme: `es_${kind}` };
  const digits = compact.replace(/-/g, '');
  if (/^\d{2}-\d{8}-\d$/.test(compact) || (hint === 'cuit' && /^\d{11}$/.test(digits)))
    return { ...checkArgentineCuit(digits), scheme: 'ar_cuit' };
  if (rutShape && !checkColombianNit(digits).valid)
    return { ...checkChileanRut(compact), scheme: 'cl_rut' };
  if (/^\d{13}$/.test(digits)) return { ...checkEcuadorianRuc(digits), scheme: 'ec_ruc' };
  if (/^(10|15|16|17|20)\d{9}$/.test(digits) && hint !== 'nit') {
    return { ...checkPeruvianRuc(digits), scheme: 'pe_ruc' };
  }
  if (/^\d{6,15}-\d$/.test(compact) || (hint === 'nit' && /^\d{7,16}$/.test(digits))) {
    return { ...checkColombianNit(digits), scheme: 'co_nit' };
  }
  return { valid: false, normalised: compact };
}
