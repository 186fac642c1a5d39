/**
 * How currencies are written next to amounts: ISO 4217 codes (`EUR`, `CHF`, `MYR`…) and signs.
 * Signs made of letters (`RM`, `Rs`, `S/`) only count when a number follows them.
 */
export const CURRENCY_CODES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'COP',
  'PEN',
  'MXN',
  'CLP',
  'ARS',
  'BRL',
  'CAD',
  'AUD',
  'JPY',
  'INR',
  'MYR',
  'SGD',
] as const;

/** Signs in the order they are tried (`US$` and `R$` before `$`), with the currency each names. */
export const CURRENCY_SIGNS: [pattern: RegExp, code: string][] = [
  [/US\$/, 'USD'],
  [/MX\$/, 'MXN'],
  [/R\$/, 'BRL'],
  [/S\/\.?\s?\d/, 'PEN'],
  [/\bRM\s?\d/, 'MYR'],
  [/\bRs\.?\s?\d/, 'INR'],
  [/₹/, 'INR'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/¥/, 'JPY'],
  [/\$/, 'USD'],
];

/** Regex source of the codes, as alternatives (`EUR|USD|…`). */
export const CODE_ALTERNATIVES = CURRENCY_CODES.join('|');

/** Regex source of a sign printed before an amount (`US$`, `R$`, `S/.`, `RM`, `Rs.`, `€`…). */
export const PREFIX_SIGN = String.raw`US\$|MX\$|R\$|S\/\.?|RM|Rs\.?|[$€£¥₹]`;
