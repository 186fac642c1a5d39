import type { GeneratedDoc } from './generated-doc';
import { address, BANKS, companyName, iban, personName, type Pool } from './fake-data';
import { pairsBlock, table, type TableStyle } from './layout';
import { addDays, formatDate, formatMoney, formatNumber, randomDate, type Locale } from './locales';
import type { Random } from './random';

const T = {
  en: {
    title: [
      'ACCOUNT STATEMENT',
      'Statement of Account',
      'Bank Statement',
      'Current Account Statement',
      'Monthly Statement',
    ],
    holder: ['Account holder', 'Account name', 'Customer', 'Name'],
    account: ['Account number', 'Account No.', 'Account'],
    iban: ['IBAN', 'IBAN'],
    period: ['Statement period', 'Period', 'Statement date range'],
    opening: [
      'Opening balance',
      'Balance brought forward',
      'Previous balance',
      'Starting balance',
      'Opening Balance',
    ],
    closing: [
      'Closing balance',
      'Balance carried forward',
      'New balance',
      'Ending balance',
      'Closing Balance',
    ],
    headers: [
      ['Date', 'Description', 'Amount', 'Balance'],
      ['Date', 'Details', 'Money out', 'Money in', 'Balance'],
      ['Posting date', 'Transaction', 'Debit', 'Credit', 'Balance'],
    ],
    to: 'to',
    tx: [
      'Card payment TESCO STORES',
      'Direct debit VODAFONE',
      'Transfer from {p}',
      'Salary {c}',
      'ATM withdrawal',
      'Standing order rent',
      'Card payment AMAZON',
      'Bank charges',
      'Interest paid',
      'Payment to {c}',
      'Refund {c}',
      'Contactless COSTA COFFEE',
    ],
  },
  es: {
    title: [
      'EXTRACTO DE CUENTA',
      'Extracto bancario',
      'Extracto de movimientos',
      'ESTADO DE CUENTA',
      'Extracto mensual',
    ],
    holder: ['Titular', 'Titular de la cuenta', 'Cliente', 'Nombre'],
    account: ['Número de cuenta', 'Nº de cuenta', 'Cuenta'],
    iban: ['IBAN', 'Código IBAN'],
    period: ['Periodo', 'Período del extracto', 'Fechas'],
    opening: ['Saldo inicial', 'Saldo anterior', 'Saldo al inicio', 'SALDO ANTERIOR'],
    closing: ['Saldo final', 'Saldo actual', 'Saldo al cierre', 'SALDO FINAL', 'Nuevo saldo'],
    headers: [
      ['Fecha', 'Concepto', 'Importe', 'Saldo'],
      ['F. Valor', 'Descripción', 'Cargo', 'Abono', 'Saldo'],
      ['Fecha', 'Movimiento', 'Débito', 'Crédito', 'Saldo'],
    ],
    to: 'al',
    tx: [
      'Compra tarjeta MERCADONA',
      'Recibo IBERDROLA',
      'Transferencia de {p}',
      'Nómina {c}',
      'Reintegro cajero',
      'Recibo alquiler',
      'Compra AMAZON EU',
      'Comisión mantenimiento',
      'Intereses',
      'Pago a {c}',
      'Devolución {c}',
      'Bizum de {p}',
    ],
  },
};

export function generateStatement(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const t = T[locale.lang];
  const amountStyle = r.pick(locale.amountStyles);
  const money = (v: number) =>
    r.chance(0.2) ? formatMoney(v, locale, amountStyle, 'suffix') : formatNumber(v, amountStyle);
  const bank = r.pick(BANKS[locale.country] ?? BANKS.US!);
  const holder = r.chance(0.5) ? personName(r, locale.lang, pool) : companyName(r, locale, pool);
  const usesIban = ['ES', 'GB', 'IE', 'DE'].includes(locale.country) ? r.chance(0.85) : false;
  const account = usesIban
    ? iban(r, locale.country)
    : `${r.int(100, 999)}-${r.int(100000, 999999)}-${r.int(10, 99)}`;
  const start = randomDate(r);
  const end = addDays(start, r.pick([29, 30, 27, 6, 14]));
  const fmt = (d: string) => formatDate(r, d, locale, dateStyle);
  const dateStyle = r.pick([0, 1, 3, 4, 6]);
  const opening = r.money(-500, 20000);
  let balance = opening;
  const n = r.int(3, 14);
  const txs = Array.from({ length: n }, (_, i) => {
    const date = addDays(start, Math.min(Math.floor(((i + 1) * 28) / (n + 1)), 28));
    const amount = r.chance(0.7) ? -r.money(3, 900) : r.money(10, 3500);
    balance = Math.round((balance + amount) * 100) / 100;
    const description = r
      .pick(t.tx)
      .replace('{p}', personName(r, locale.lang, pool))
      .replace('{c}', companyName(r, locale, pool).split(' ').slice(0, 2).join(' '));
    return { date, description, amount, balance };
  });
  const closing = balance;
  const lines: string[] = [bank.toUpperCase(), ...address(r, locale), '', r.pick(t.title), ''];
  const periodText = `${fmt(start)} ${r.pick(['-', t.to, '–'])} ${fmt(end)}`;
  const meta: [string, string][] = [
    [r.pick(t.holder), holder],
    [usesIban ? r.pick(t.iban) : r.pick(t.account), account],
    [
      r.pick(t.period),
      locale.lang === 'es' && r.chance(0.4) ? `del ${fmt(start)} al ${fmt(end)}` : periodText,
    ],
  ];
  lines.push(...pairsBlock(r, meta, r.pick([0, 0, 2, 3])), '');
  const openingLabel = r.pick(t.opening);
  const closingLabel = r.pick(t.closing);
  const headers = r.pick(t.headers);
  const style: TableStyle = r.pick(['spaces', 'spaces', 'pipes', 'tabs', 'boxed']);
  const rows = txs.map((x) =>
    headers.length === 4
      ? [fmt(x.date), x.description, money(x.amount), money(x.balance)]
      : [
          fmt(x.date),
          x.description,
          x.amount < 0 ? money(-x.amount) : '',
          x.amount > 0 ? money(x.amount) : '',
          money(x.balance),
        ],
  );
  const summaryTop = r.chance(0.5);
  if (summaryTop)
    lines.push(`${openingLabel}: ${money(opening)}`, `${closingLabel}: ${money(closing)}`, '');
  lines.push(
    ...table(
      headers,
      [[fmt(start), openingLabel, ...Array(headers.length - 3).fill(''), money(opening)], ...rows],
      style,
      2,
    ),
  );
  if (!summaryTop) lines.push('', `${closingLabel}${r.chance(0.5) ? ':' : ''} ${money(closing)}`);
  lines.push(
    '',
    locale.lang === 'es'
      ? 'Este documento no requiere firma.'
      : 'Please check this statement and report any discrepancy.',
  );
  const fields: Record<string, string | number> = {
    bankName: bank,
    periodStart: start,
    periodEnd: end,
    openingBalance: opening,
    closingBalance: closing,
  };
  if (usesIban) fields.iban = account.replace(/\s/g, '');
  else fields.accountNumber = account;
  return {
    id,
    docType: 'bank_statement',
    lang: locale.lang,
    country: locale.country,
    layout: `statement-${headers.length}-${style}`,
    noise: 'clean',
    text: lines.join('\n'),
    fields,
    tables: {
      transactions: txs.map((x) => ({
        date: x.date,
        description: x.description,
        amount: x.amount,
        balance: x.balance,
      })),
    },
  };
}
