/**
 * FatturaPA's UnitaMisura is free text ("ore", "pz", "unita'"). The units Italian invoices write
 * most map to their UN/ECE Recommendation 20 code; a code already written as one (C62, KGM) and
 * anything unknown stay as written.
 */
const UNITS: Record<string, string> = {
  h: 'HUR',
  ora: 'HUR',
  ore: 'HUR',
  pz: 'H87',
  pezzo: 'H87',
  pezzi: 'H87',
  n: 'C62',
  nr: 'C62',
  num: 'C62',
  numero: 'C62',
  unita: 'C62',
  each: 'C62',
  kg: 'KGM',
  g: 'GRM',
  gr: 'GRM',
  l: 'LTR',
  lt: 'LTR',
  litri: 'LTR',
  m: 'MTR',
  mt: 'MTR',
  metri: 'MTR',
  giorno: 'DAY',
  giorni: 'DAY',
  mese: 'MON',
  mesi: 'MON',
  month: 'MON',
};

export function unitCode(written: string | null): string | null {
  if (written === null) return null;
  const key = written
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f'.]/g, '')
    .trim();
  return UNITS[key] ?? written;
}
