import type { Random } from './random';

export type Lang = 'en' | 'es';
export type AmountStyle = 'en' | 'eu' | 'plain-dot' | 'plain-comma' | 'space-comma';
export type CurrencyStyle =
  'prefix' | 'prefix-space' | 'suffix' | 'code-prefix' | 'code-suffix' | 'none';

/** A country's conventions: language, currency, number and date habits, tax names and rates. */
export interface Locale {
  country: string;
  lang: Lang;
  currency: string;
  symbol: string;
  amountStyles: AmountStyle[];
  dateOrder: 'dmy' | 'mdy';
  taxName: string;
  taxRates: number[];
  taxIdLabels: string[];
  cities: string[];
  /** Prices are this many times those of a dollar economy (pesos: thousands). */
  scale?: number;
  /** Share of documents that write amounts without decimals (CLP never has any). */
  wholeAmounts?: number;
}

export const LOCALES: Locale[] = [
  {
    country: 'ES',
    lang: 'es',
    currency: 'EUR',
    symbol: '€',
    amountStyles: ['eu', 'plain-comma', 'eu', 'space-comma'],
    dateOrder: 'dmy',
    taxName: 'IVA',
    taxRates: [21, 21, 10, 4],
    taxIdLabels: ['NIF', 'CIF', 'N.I.F.', 'C.I.F.', 'NIF/CIF'],
    cities: [
      'Madrid',
      'Barcelona',
      'Valencia',
      'Sevilla',
      'Bilbao',
      'Zaragoza',
      'Málaga',
      'A Coruña',
      'Murcia',
      'Palma',
    ],
  },
  {
    country: 'CO',
    lang: 'es',
    currency: 'COP',
    symbol: '$',
    amountStyles: ['eu', 'en'],
    dateOrder: 'dmy',
    taxName: 'IVA',
    taxRates: [19, 19, 5],
    taxIdLabels: ['NIT', 'NIT.', 'Nit'],
    cities: ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cartagena', 'Bucaramanga'],
    scale: 1000,
    wholeAmounts: 0.5,
  },
  {
    country: 'CL',
    lang: 'es',
    currency: 'CLP',
    symbol: '$',
    amountStyles: ['eu'],
    dateOrder: 'dmy',
    taxName: 'IVA',
    taxRates: [19],
    taxIdLabels: ['R.U.T.', 'RUT', 'Rut'],
    cities: ['Santiago', 'Valparaíso', 'Concepción', 'Temuco', 'Antofagasta', 'La Serena'],
    scale: 1000,
    wholeAmounts: 1,
  },
  {
    country: 'AR',
    lang: 'es',
    currency: 'ARS',
    symbol: '$',
    amountStyles: ['eu', 'eu', 'plain-comma'],
    dateOrder: 'dmy',
    taxName: 'IVA',
    taxRates: [21, 21, 10.5],
    taxIdLabels: ['CUIT', 'C.U.I.T.', 'CUIT Nro.'],
    cities: ['Buenos Aires', 'Córdoba', 'Rosario', 'Mendoza', 'La Plata', 'Mar del Plata'],
    scale: 1000,
  },
  {
    country: 'EC',
    lang: 'es',
    currency: 'USD',
    symbol: '$',
    amountStyles: ['en', 'plain-dot'],
    dateOrder: 'dmy',
    taxName: 'IVA',
    taxRates: [15, 12],
    taxIdLabels: ['RUC', 'R.U.C.', 'Ruc'],
    cities: ['Quito', 'Guayaquil', 'Cuenca', 'Ambato', 'Manta'],
  },
  {
    country: 'PE',
    lang: 'es',
    currency: 'PEN',
    symbol: 'S/',
    amountStyles: ['en', 'plain-dot'],
    dateOrder: 'dmy',
    taxName: 'IGV',
    taxRates: [18],
    taxIdLabels: ['RUC', 'R.U.C.', 'RUC N°'],
    cities: ['Lima', 'Arequipa', 'Trujillo', 'Cusco', 'Piura', 'Chiclayo'],
  },
  {
    country: 'MX',
    lang: 'es',
    currency: 'MXN',
    symbol: '$',
    amountStyles: ['en', 'plain-dot'],
    dateOrder: 'dmy',
    taxName: 'IVA',
    taxRates: [16],
    taxIdLabels: ['RFC', 'R.F.C.'],
    cities: ['Ciudad de México', 'Guadalajara', 'Monterrey', 'Puebla', 'Querétaro'],
  },
  {
    country: 'US',
    lang: 'en',
    currency: 'USD',
    symbol: '$',
    amountStyles: ['en', 'plain-dot'],
    dateOrder: 'mdy',
    taxName: 'Sales Tax',
    taxRates: [8.25, 7, 6.5, 8.875],
    taxIdLabels: ['EIN', 'Tax ID', 'TIN'],
    cities: [
      'Austin, TX',
      'Denver, CO',
      'Seattle, WA',
      'Boston, MA',
      'Chicago, IL',
      'Portland, OR',
    ],
  },
  {
    country: 'GB',
    lang: 'en',
    currency: 'GBP',
    symbol: '£',
    amountStyles: ['en', 'plain-dot'],
    dateOrder: 'dmy',
    taxName: 'VAT',
    taxRates: [20, 20, 5],
    taxIdLabels: ['VAT No', 'VAT Reg No', 'VAT Registration Number', 'VAT number'],
    cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow', 'Cardiff'],
  },
  {
    country: 'IE',
    lang: 'en',
    currency: 'EUR',
    symbol: '€',
    amountStyles: ['en', 'plain-dot'],
    dateOrder: 'dmy',
    taxName: 'VAT',
    taxRates: [23, 13.5],
    taxIdLabels: ['VAT No', 'VAT Number', 'VAT ID'],
    cities: ['Dublin', 'Cork', 'Galway', 'Limerick'],
  },
  {
    country: 'DE',
    lang: 'en',
    currency: 'EUR',
    symbol: '€',
    amountStyles: ['eu', 'en'],
    dateOrder: 'dmy',
    taxName: 'VAT',
    taxRates: [19, 7],
    taxIdLabels: ['VAT ID', 'VAT Reg. No.', 'USt-IdNr.'],
    cities: ['Berlin', 'Munich', 'Hamburg', 'Cologne', 'Frankfurt'],
  },
];

/** A locale of the language; Spain gets a quarter of the Spanish documents, LatAm the rest. */
export function localeFor(r: Random, lang: Lang): Locale {
  const all = LOCALES.filter((l) => l.lang === lang);
  if (lang === 'es' && r.chance(0.25)) return all.find((l) => l.country === 'ES')!;
  return r.pick(lang === 'es' ? all.filter((l) => l.country !== 'ES') : all);
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** Writes an ISO date the way documents of the locale do, in one of many styles. */
export function formatDate(
  r: Random,
  isoDate: string,
  locale: Locale,
  style = r.int(0, 9),
): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const en = MONTHS_EN[m - 1]!;
  const es = MONTHS_ES[m - 1]!;
  const numeric =
    locale.dateOrder === 'mdy' ? `${pad(m)}/${pad(d)}/${y}` : `${pad(d)}/${pad(m)}/${y}`;
  switch (style) {
    case 0:
    case 1:
      return numeric;
    case 2:
      return locale.dateOrder === 'mdy'
        ? `${m}/${d}/${String(y).slice(2)}`
        : `${pad(d)}-${pad(m)}-${y}`;
    case 3:
      return `${y}-${pad(m)}-${pad(d)}`;
    case 4:
      return locale.dateOrder === 'mdy' ? `${pad(m)}-${pad(d)}-${y}` : `${pad(d)}.${pad(m)}.${y}`;
    case 5:
      return locale.lang === 'es' ? `${d} de ${es} de ${y}` : `${en} ${d}, ${y}`;
    case 6:
      return locale.lang === 'es' ? `${d}-${es.slice(0, 3)}-${y}` : `${d} ${en.slice(0, 3)} ${y}`;
    case 7:
      return locale.lang === 'es'
        ? `${pad(d)} ${es.slice(0, 3).toUpperCase()} ${y}`
        : `${en.slice(0, 3)} ${d}, ${y}`;
    case 8:
      return locale.lang === 'es' ? `${d} de ${es} del ${y}` : `${d} ${en} ${y}`;
    default:
      return locale.dateOrder === 'mdy' ? numeric : `${pad(d)}/${pad(m)}/${String(y).slice(2)}`;
  }
}

export function formatNumber(value: number, style: AmountStyle, decimals = 2): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, dec] = fixed.split('.') as [string, string | undefined];
  const group = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  let out: string;
  switch (style) {
    case 'en':
      out = group(',') + (dec ? `.${dec}` : '');
      break;
    case 'eu':
      out = group('.') + (dec ? `,${dec}` : '');
      break;
    case 'plain-dot':
      out = int + (dec ? `.${dec}` : '');
      break;
    case 'plain-comma':
      out = int + (dec ? `,${dec}` : '');
      break;
    default:
      out = group(' ') + (dec ? `,${dec}` : '');
  }
  return negative ? `-${out}` : out;
}

export function formatMoney(
  value: number,
  locale: Locale,
  amountStyle: AmountStyle,
  currencyStyle: CurrencyStyle,
  decimals = 2,
): string {
  const n = formatNumber(value, amountStyle, decimals);
  switch (currencyStyle) {
    case 'prefix':
      return `${locale.symbol}${n}`;
    case 'prefix-space':
      return `${locale.symbol} ${n}`;
    case 'suffix':
      return `${n} ${locale.symbol}`;
    case 'code-prefix':
      return `${locale.currency} ${n}`;
    case 'code-suffix':
      return `${n} ${locale.currency}`;
    default:
      return n;
  }
}

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function randomDate(r: Random, fromYear = 2022, toYear = 2025): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 5, 30);
  return new Date(start + Math.floor((r.next() * (end - start)) / 86_400_000) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** One document's way of writing money: number style, decimals or none, rounding to match. */
export interface MoneyFormat {
  style: AmountStyle;
  whole: boolean;
  scale: number;
  round(value: number): number;
  number(value: number): string;
  money(value: number, currencyStyle: CurrencyStyle): string;
}

export function moneyFormat(
  r: Random,
  locale: Locale,
  style: AmountStyle = r.pick(locale.amountStyles),
): MoneyFormat {
  const whole = r.chance(locale.wholeAmounts ?? 0);
  const decimals = whole ? 0 : 2;
  return {
    style,
    whole,
    scale: locale.scale ?? 1,
    round: (v) => (whole ? Math.round(v) : Math.round(v * 100) / 100),
    number: (v) => formatNumber(v, style, decimals),
    money: (v, currencyStyle) => formatMoney(v, locale, style, currencyStyle, decimals),
  };
}
