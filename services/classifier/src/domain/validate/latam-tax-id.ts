import type { IdCheck } from './iban';

const digitsOf = (raw: string) => raw.replace(/[\s.-]/g, '');

/** Colombian NIT: up to 15 digits and a check digit (DIAN mod-11 with prime weights). */
export function checkColombianNit(raw: string): IdCheck {
  const id = digitsOf(raw);
  if (!/^\d{6,16}$/.test(id)) return { valid: false, normalised: id };
  const body = id.slice(0, -1);
  const weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
  let sum = 0;
  body
    .split('')
    .reverse()
    .forEach((d, i) => (sum += Number(d) * weights[i]!));
  const r = sum % 11;
  const dv = r > 1 ? 11 - r : r;
  return { valid: dv === Number(id.slice(-1)), normalised: `${body}-${id.slice(-1)}` };
}

function mod10Cedula(d: number[]): number {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let p = d[i]! * (i % 2 === 0 ? 2 : 1);
    if (p > 9) p -= 9;
    sum += p;
  }
  return (10 - (sum % 10)) % 10;
}

function mod11(d: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * d[i]!, 0);
  const r = sum % 11;
  return r === 0 ? 0 : 11 - r;
}

/**
 * Ecuadorian RUC (13 digits): province 01–24 or 30; third digit 0–5 natural person (cédula,
 * mod 10), 6 public entity (mod 11 on 8 digits), 9 private company (mod 11 on 9 digits); the
 * establishment suffix is never 000.
 */
export function checkEcuadorianRuc(raw: string): IdCheck {
  const id = digitsOf(raw);
  if (!/^\d{13}$/.test(id)) return { valid: false, normalised: id };
  const d = id.split('').map(Number);
  const province = Number(id.slice(0, 2));
  if (!((province >= 1 && province <= 24) || province === 30))
    return { valid: false, normalised: id };
  const third = d[2]!;
  let valid = false;
  if (third < 6) valid = mod10Cedula(d) === d[9] && id.slice(10) !== '000';
  else if (third === 6)
    valid = mod11(d, [3, 2, 7, 6, 5, 4, 3, 2]) === d[8] && id.slice(9) !== '0000';
  else if (third === 9)
    valid = mod11(d, [4, 3, 2, 7, 6, 5, 4, 3, 2]) === d[9] && id.slice(10) !== '000';
  return { valid, normalised: id };
}

/** Peruvian RUC (11 digits, prefix 10/15/16/17/20): SUNAT mod-11 check digit. */
export function checkPeruvianRuc(raw: string): IdCheck {
  const id = digitsOf(raw);
  if (!/^(10|15|16|17|20)\d{9}$/.test(id)) return { valid: false, normalised: id };
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  const dv = (11 - (sum % 11)) % 10;
  return { valid: dv === Number(id[10]), normalised: id };
}

/** Chilean RUT (7–8 digits and a check character 0–9 or K): mod 11 with weights 2–7. */
export function checkChileanRut(raw: string): IdCheck {
  const id = raw.replace(/[\s.]/g, '').toUpperCase();
  const m = /^(\d{7,8})-?([\dK])$/.exec(id);
  if (!m) return { valid: false, normalised: id };
  let sum = 0;
  let weight = 2;
  for (const d of m[1]!.split('').reverse()) {
    sum += Number(d) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  const expected = dv === 11 ? '0' : dv === 10 ? 'K' : String(dv);
  return { valid: expected === m[2], normalised: `${m[1]}-${m[2]}` };
}

/** Argentine CUIT/CUIL (11 digits, type prefix 20/23/24/27/30/33/34): mod 11, weights 5432765432. */
export function checkArgentineCuit(raw: string): IdCheck {
  const id = digitsOf(raw);
  if (!/^(20|23|24|27|30|33|34)\d{9}$/.test(id)) return { valid: false, normalised: id };
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  const dv = 11 - (sum % 11);
  const valid = dv !== 10 && (dv === 11 ? 0 : dv) === Number(id[10]);
  return { valid, normalised: `${id.slice(0, 2)}-${id.slice(2, 10)}-${id[10]}` };
}
