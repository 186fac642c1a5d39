import type { IdCheck } from './iban';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_CONTROL_LETTERS = 'JABCDEFGHI';

export type SpanishIdKind = 'nif' | 'nie' | 'cif';

function clean(raw: string): string {
  return raw
    .replace(/^ES/i, '')
    .replace(/[\s.\-/]/g, '')
    .toUpperCase();
}

/** Spanish DNI/NIF (8 digits + letter, mod 23). Also accepts the K/L/M forms. */
export function checkNif(raw: string): IdCheck {
  const id = clean(raw);
  const m = /^([KLM]?)(\d{7,8})([A-Z])$/.exec(id);
  const valid = !!m && DNI_LETTERS[Number(m[2]) % 23] === m[3];
  return { valid, normalised: id };
}

/** Spanish NIE (X/Y/Z + 7 digits + letter; X=0, Y=1, Z=2, then the DNI rule). */
export function checkNie(raw: string): IdCheck {
  const id = clean(raw);
  const m = /^([XYZ])(\d{7})([A-Z])$/.exec(id);
  if (!m) return { valid: false, normalised: id };
  const number = Number(`${'XYZ'.indexOf(m[1]!)}${m[2]}`);
  return { valid: DNI_LETTERS[number % 23] === m[3], normalised: id };
}

/**
 * Spanish CIF (company): letter + 7 digits + control. Control = (10 - (sum of even-position digits
 * + sum of digit-sums of doubled odd-position digits) mod 10) mod 10, written as a digit or as a
 * letter of JABCDEFGHI depending on the entity letter.
 */
export function checkCif(raw: string): IdCheck {
  const id = clean(raw);
  const m = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(id);
  if (!m) return { valid: false, normalised: id };
  const digits = m[2]!.split('').map(Number);
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 1) sum += d;
    else {
      const doubled = d * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    }
  });
  const control = (10 - (sum % 10)) % 10;
  const letter = CIF_CONTROL_LETTERS[control]!;
  const given = m[3]!;
  const entity = m[1]!;
  const valid = 'PQRSNW'.includes(entity)
    ? given === letter
    : 'ABEH'.includes(entity)
      ? given === String(control)
      : given === String(control) || given === letter;
  return { valid, normalised: id };
}

/** Which Spanish id a string looks like, by shape. */
export function spanishIdKind(raw: string): SpanishIdKind | undefined {
  const id = clean(raw);
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) return 'nie';
  if (/^[KLM]?\d{7,8}[A-Z]$/.test(id)) return 'nif';
  if (/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(id)) return 'cif';
  return undefined;
}

/** Any Spanish tax id (NIF, NIE or CIF), by its shape. */
export function checkSpanishTaxId(raw: string): IdCheck & { kind?: SpanishIdKind } {
  const kind = spanishIdKind(raw);
  if (kind === 'nie') return { ...checkNie(raw), kind };
  if (kind === 'nif') return { ...checkNif(raw), kind };
  if (kind === 'cif') return { ...checkCif(raw), kind };
  return { valid: false, normalised: clean(raw) };
}
