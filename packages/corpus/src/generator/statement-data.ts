import { BANKS, companyName, iban, personName, type Pool } from './fake-data';
import { addDays, moneyFormat, randomDate, type Locale, type MoneyFormat } from './locales';
import type { Random } from './random';

/** What every rendering of a statement shares: the bank, account, period and movements. */
export interface StatementData {
  bank: string;
  holder: string;
  /** IBAN (Europe) or the local account number; `accountLabel` is how the country names it. */
  account: string;
  usesIban: boolean;
  accountLabel?: string;
  start: string;
  end: string;
  opening: number;
  closing: number;
  txs: { date: string; description: string; amount: number; balance: number }[];
  fmt: MoneyFormat;
}

/** Movement descriptions; `+` marks money in, `~` a small fee or tax, the rest money out. */
const TX: Record<string, string[]> = {
  en: [
    'Card payment TESCO STORES',
    'Direct debit VODAFONE',
    '+Transfer from {p}',
    '+Salary {c}',
    'ATM withdrawal',
    'Standing order rent',
    'Card payment AMAZON',
    '~Bank charges',
    '+Interest paid',
    'Payment to {c}',
    '+Refund {c}',
    'Contactless COSTA COFFEE',
  ],
  US: [
    '+ACH CREDIT {c} PAYROLL',
    'POS PURCHASE {c}',
    'ZELLE TO {p}',
    'CHECK #{n}',
    'ONLINE TRANSFER TO SAVINGS',
    'ATM WITHDRAWAL',
    '~MONTHLY SERVICE FEE',
    'DEBIT CARD PURCHASE {c}',
    '+MOBILE DEPOSIT',
  ],
  GB: ['DD {c}', 'SO {p}', '+BACS {c}', '+FPI {p}', 'CARD {c}', 'FPO {p}', 'CHQ {n}', 'ATM CASH'],
  es: [
    'Compra tarjeta MERCADONA',
    'Recibo IBERDROLA',
    '+Transferencia de {p}',
    '+Nómina {c}',
    'Reintegro cajero',
    'Recibo alquiler',
    'Compra AMAZON EU',
    '~Comisión mantenimiento',
    '+Intereses',
    'Pago a {c}',
    '+Devolución {c}',
    '+Bizum de {p}',
  ],
  MX: [
    'SPEI ENVIADO {p}',
    '+SPEI RECIBIDO {c}',
    '+DEPOSITO EN EFECTIVO',
    'RETIRO CAJERO AUTOMATICO',
    'PAGO DE SERVICIO CFE',
    'COMPRA TDD {c}',
    '~COMISION POR MANEJO DE CUENTA',
    '+PAGO DE NOMINA {c}',
  ],
  CO: [
    'PAGO PSE {c}',
    'RETIRO CAJERO',
    '+CONSIGNACION EN EFECTIVO',
    '+PAGO NOMINA {c}',
    'COMPRA POS {c}',
    '~CUOTA DE MANEJO',
    '~GMF 4X1000',
    'TRANSFERENCIA A {p}',
  ],
  PE: [
    '+ABONO PLANILLA {c}',
    'RETIRO AGENTE',
    'TRANSF. INTERBANCARIA {p}',
    'PAGO DE SERVICIOS LUZ',
    'COMPRA POS {c}',
    '~ITF',
    '+DEPOSITO EN VENTANILLA',
    '+YAPE DE {p}',
  ],
  CL: [
    '+TRANSFERENCIA DE {p}',
    '+PAGO REMUNERACIONES {c}',
    'GIRO CAJERO AUTOMATICO',
    'COMPRA REDCOMPRA {c}',
    '~COMISION MANTENCION',
    'PAGO AUTOMATICO CUENTAS',
    '+DEPOSITO CHEQUE',
  ],
  AR: [
    '+TRANSFERENCIA RECIBIDA {p}',
    '+ACREDITACION HABERES {c}',
    'EXTRACCION CAJERO',
    'DEBITO AUTOMATICO {c}',
    '~IMPUESTO LEY 25.413',
    'COMPRA DEBITO {c}',
    'DEBIN {c}',
    '~PERCEPCION IVA',
  ],
};

function accountFor(r: Random, locale: Locale): { account: string; label?: string } {
  const digits = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
  switch (locale.country) {
    case 'MX':
      return r.chance(0.5)
        ? { account: digits(18), label: 'CLABE' }
        : { account: digits(10), label: r.pick(['No. de cuenta', 'Cuenta']) };
    case 'AR':
      return r.chance(0.5)
        ? { account: digits(22), label: 'CBU' }
        : {
            account: `${digits(4)}-${digits(6)}/${digits(1)}`,
            label: r.pick(['Caja de ahorro', 'Cuenta corriente']),
          };
    case 'PE':
      return {
        account: `${digits(3)}-${digits(8)}-${digits(1)}-${digits(2)}`,
        label: r.pick(['Cuenta', 'N° de cuenta', 'Cuenta de ahorros']),
      };
    case 'CL':
      return {
        account: `${digits(2)}-${digits(3)}-${digits(5)}-${digits(2)}`,
        label: r.pick(['Cuenta corriente N°', 'N° de cuenta', 'Cuenta']),
      };
    case 'GB':
      return {
        account: digits(8),
        label: `Sort code ${digits(2)}-${digits(2)}-${digits(2)}  Account number`,
      };
    case 'US':
      return {
        account: digits(10),
        label: r.pick(['Account number', 'Account #', 'Primary account']),
      };
    default:
      return { account: `${digits(3)}-${digits(6)}-${digits(2)}` };
  }
}

export function statementData(r: Random, locale: Locale, pool: Pool): StatementData {
  const fmt = moneyFormat(r, locale);
  const bank = r.pick(BANKS[locale.country] ?? BANKS.US!);
  const holder = r.chance(0.5) ? personName(r, locale.lang, pool) : companyName(r, locale, pool);
  const usesIban = ['ES', 'GB', 'IE', 'DE'].includes(locale.country) ? r.chance(0.85) : false;
  const local = accountFor(r, locale);
  const account = usesIban ? iban(r, locale.country) : local.account;
  const start = randomDate(r);
  const end = addDays(start, r.pick([29, 30, 27, 6, 14]));
  const opening = fmt.round(r.money(-500, 20000) * fmt.scale);
  let balance = opening;
  const n = r.int(3, 14);
  const vocabulary = TX[locale.country] ?? TX[locale.lang]!;
  const txs = Array.from({ length: n }, (_, i) => {
    const date = addDays(start, Math.min(Math.floor(((i + 1) * 28) / (n + 1)), 28));
    const entry = r.pick(vocabulary);
    const kind = entry[0] === '+' || entry[0] === '~' ? entry[0] : '-';
    const size =
      kind === '+' ? r.money(10, 3500) : kind === '~' ? -r.money(0.5, 30) : -r.money(3, 900);
    const amount = fmt.round(size * fmt.scale);
    balance = fmt.round(balance + amount);
    const description = entry
      .replace(/^[+~]/, '')
      .replace('{p}', personName(r, locale.lang, pool).toUpperCase())
      .replace('{c}', companyName(r, locale, pool).split(' ').slice(0, 2).join(' '))
      .replace('{n}', String(r.int(100, 9999)));
    return { date, description, amount, balance };
  });
  return {
    bank,
    holder,
    account,
    usesIban,
    ...(usesIban || !local.label ? {} : { accountLabel: local.label }),
    start,
    end,
    opening,
    closing: balance,
    txs,
    fmt,
  };
}
