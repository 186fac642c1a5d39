import type { GeneratedDoc } from './generated-doc';
import { address, type Pool } from './fake-data';
import { pairsBlock, table, type TableStyle } from './layout';
import { formatDate, type Locale } from './locales';
import type { Random } from './random';
import { statementData } from './statement-data';
import { renderExport, renderSummary } from './statement-variants';

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
  },
};

export function generateStatement(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const t = T[locale.lang];
  const d = statementData(r, locale, pool);
  const variant = r.pick(['classic', 'classic', 'summary', 'summary', 'export']);
  if (variant === 'summary') return renderSummary(r, locale, d, id);
  if (variant === 'export') return renderExport(r, locale, d, id);
  const { bank, holder, account, usesIban, start, end, opening, closing, txs } = d;
  const money = (v: number) => (r.chance(0.2) ? d.fmt.money(v, 'suffix') : d.fmt.number(v));
  const dateStyle = r.pick([0, 1, 3, 4, 6]);
  const fmt = (date: string) => formatDate(r, date, locale, dateStyle);
  const lines: string[] = [bank.toUpperCase(), ...address(r, locale), '', r.pick(t.title), ''];
  const periodText = `${fmt(start)} ${r.pick(['-', t.to, '–'])} ${fmt(end)}`;
  const meta: [string, string][] = [
    [r.pick(t.holder), holder],
    [usesIban ? r.pick(t.iban) : (d.accountLabel ?? r.pick(t.account)), account],
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
