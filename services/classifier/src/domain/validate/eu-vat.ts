import { checkVAT, countries } from 'jsvat';
import type { IdCheck } from './iban';

/** EU (and UK, CH, NO) VAT number: country format and, where defined, checksum (jsvat). */
export function checkEuVat(raw: string): IdCheck & { country?: string } {
  const normalised = raw.replace(/[\s.-]/g, '').toUpperCase();
  const result = checkVAT(normalised, countries);
  return {
    valid: result.isValid,
    normalised,
    ...(result.country ? { country: result.country.isoCode.short } : {}),
  };
}
