import type { GeneratedDoc } from './generated-doc';
import { table, type TableStyle } from './layout';
import { formatDate, type Locale } from './locales';
import type { Random } from './random';
import type { StatementData } from './statement-data';

const TITLES: Record<string, string[]> = {
  MX: ['ESTADO DE CUENTA', 'Estado de cuenta', 'ESTADO DE CUENTA CUENTA DE CHEQUES'],
  CO: ['EXTRACTO CUENTA DE AHORROS', 'EXTRACTO CUENTA CORRIENTE', 'Extracto de su cuenta'],
  PE: ['ESTADO DE CUENTA DE AHORROS', 'ESTADO DE CUENTA CORRIENTE', 'Estado de cuenta'],
  CL: ['CARTOLA CUENTA CORRIENTE', 'CARTOLA HISTÓRICA', 'Cartola de movimientos'],
  AR: ['RESUMEN DE CUENTA', 'Resumen de cuenta - Caja de ahorro', 'EXTRACTO DE CUENTA'],
  EC: ['ESTADO DE CUENTA', 'Estado de cuenta de ahorros'],
  es: ['EXTRACTO INTEGRADO', 'EXTRACTO DE CUENTA', 'Extracto de movimientos'],
  US: ['Checking Account Statement', 'ACCOUNT STATEMENT', 'Business Checking Statement'],
  en: ['Your statement', 'Current account statement', 'STATEMENT OF ACCOUNT'],
};

/**
 * The LatAm and US habit: a summary box (previous balance, deposits, withdrawals, new balance)
 * above the movements, the period as `Desde … Hasta …` or `del … al …`, the country's account
 * format (CLABE, CBU, CCI…), movement dates often without the year.
 */
export function renderSummary(
  r: Random,
  locale: Locale,
  d: StatementData,
  id: string,
): GeneratedDoc {
  const es = locale.lang === 'es';
  const n = (v: number) => d.fmt.number(v);
  const money = (v: number) => (r.chance(0.5) ? d.fmt.money(v, 'prefix-space') : n(v));
  const ds = r.pick([0, 1, 3, 5, 6]);
  const fmt = (date: string) => formatDate(r, date, locale, ds);
  const short = r.chance(0.5);
  const rowDate = (date: string) =>
    short
      ? locale.dateOrder === 'mdy'
        ? `${date.slice(5, 7)}/${date.slice(8)}`
        : `${date.slice(8)}/${date.slice(5, 7)}`
      : fmt(date);
  const lines = [d.bank.toUpperCase(), ...(r.chance(0.4) ? [''] : [])];
  lines.push(r.pick(TITLES[locale.country] ?? TITLES[locale.lang]!));
  const holderLabel = es
    ? r.pick(['Señor(a):', 'Cliente:', 'Titular:', 'Nombre:', ''])
    : r.pick(['', 'Account holder:', 'Customer:']);
  lines.push(`${holderLabel} ${d.holder}`.trim());
  const accountLabel = d.usesIban
    ? 'IBAN'
    : (d.accountLabel ??
      (es
        ? r.pick(['Cuenta No.', 'N° de cuenta', 'Número de cuenta'])
        : r.pick(['Account number', 'Account No.'])));
  lines.push(`${accountLabel}: ${d.account}`);
  lines.push(
    es
      ? r.pick([
          `Desde: ${fmt(d.start)}     Hasta: ${fmt(d.end)}`,
          `Periodo: del ${fmt(d.start)} al ${fmt(d.end)}`,
          `Período: ${fmt(d.start)} - ${fmt(d.end)}`,
          `Periodo del extracto ${fmt(d.start)} al ${fmt(d.end)}`,
        ])
      : r.pick([
          `Statement period: ${fmt(d.start)} through ${fmt(d.end)}`,
          `Period: ${fmt(d.start)} to ${fmt(d.end)}`,
        ]),
  );
  if (es && r.chance(0.3)) lines.push(`Fecha de corte: ${fmt(d.end)}`);
  const sumIn = d.fmt.round(d.txs.filter((x) => x.amount > 0).reduce((a, x) => a + x.amount, 0));
  const sumOut = d.fmt.round(-d.txs.filter((x) => x.amount < 0).reduce((a, x) => a + x.amount, 0));
  const labels = es
    ? [
        r.pick(['Saldo anterior', 'Saldo inicial', 'SALDO ANTERIOR']),
        r.pick(['(+) Depósitos', '(+) Total abonos', 'Créditos', '(+) Abonos']),
        r.pick(['(-) Retiros', '(-) Total cargos', 'Débitos', '(-) Cargos']),
        r.pick(['Saldo actual', 'Saldo final', 'SALDO AL CORTE', 'Nuevo saldo']),
      ]
    : [
        r.pick(['Beginning balance', 'Opening balance', 'Previous balance']),
        r.pick(['Deposits and other additions', 'Total deposits', 'Money in']),
        r.pick(['Withdrawals and other subtractions', 'Total withdrawals', 'Money out']),
        r.pick(['Ending balance', 'Closing balance', 'New balance']),
      ];
  const values = [d.opening, sumIn, sumOut, d.closing];
  lines.push(
    '',
    es
      ? r.pick(['RESUMEN', 'RESUMEN DE SU CUENTA', 'Resumen del periodo'])
      : r.pick(['Account summary', 'SUMMARY']),
  );
  const width = Math.max(...labels.map((l) => l.length)) + r.int(3, 10);
  labels.forEach((label, i) => lines.push(`${label.padEnd(width)}${money(values[i]!)}`));
  lines.push(
    '',
    es
      ? r.pick(['DETALLE DE MOVIMIENTOS', 'MOVIMIENTOS', 'Detalle de transacciones'])
      : r.pick(['Transaction detail', 'TRANSACTIONS']),
  );
  const split = r.chance(0.5);
  const headers = es
    ? split
      ? ['FECHA', 'DESCRIPCIÓN', 'CARGOS', 'ABONOS', 'SALDO']
      : ['FECHA', 'DESCRIPCIÓN', 'VALOR', 'SALDO']
    : split
      ? ['Date', 'Description', 'Withdrawals', 'Deposits', 'Balance']
      : ['Date', 'Description', 'Amount', 'Balance'];
  const rows = d.txs.map((x) =>
    split
      ? [
          rowDate(x.date),
          x.description,
          x.amount < 0 ? n(-x.amount) : '',
          x.amount > 0 ? n(x.amount) : '',
          n(x.balance),
        ]
      : [rowDate(x.date), x.description, n(x.amount), n(x.balance)],
  );
  lines.push(...table(headers, rows, r.pick<TableStyle>(['spaces', 'spaces', 'tabs', 'boxed']), 2));
  lines.push(
    '',
    es
      ? r.pick([
          'Si no formula observaciones dentro de los 30 días siguientes, el saldo se considerará aceptado.',
          'Depósitos protegidos por el fondo de garantía hasta el límite legal.',
          'Consulte tasas y comisiones vigentes en nuestras oficinas.',
        ])
      : r.pick([
          'Member FDIC',
          'Please examine this statement promptly and report any errors.',
          'Deposits are protected up to the legal limit.',
        ]),
  );
  const fields: Record<string, string | number> = {
    bankName: d.bank,
    periodStart: d.start,
    periodEnd: d.end,
    openingBalance: d.opening,
    closingBalance: d.closing,
  };
  if (d.usesIban) fields.iban = d.account.replace(/\s/g, '');
  else fields.accountNumber = d.account;
  return doc(locale, id, 'statement-summary', lines, fields, d);
}

/** An online-banking export (CSV or a sheet) flattened to tab-separated rows, as OCR sends it. */
export function renderExport(
  r: Random,
  locale: Locale,
  d: StatementData,
  id: string,
): GeneratedDoc {
  const es = locale.lang === 'es';
  const iso = r.chance(0.5);
  const fmt = (date: string) => (iso ? date : formatDate(r, date, locale, 0));
  const plain = r.chance(0.5);
  const n = (v: number) => (plain ? String(v) : d.fmt.number(v));
  const fields: Record<string, string | number> = {};
  const lines: string[] = [];
  if (r.chance(0.3)) {
    lines.push(d.bank);
    fields.bankName = d.bank;
  }
  if (r.chance(0.6)) {
    lines.push(
      `${d.usesIban ? 'IBAN' : es ? r.pick(['Cuenta', 'Nº de cuenta']) : 'Account'}\t${d.account}`,
    );
    if (d.usesIban) fields.iban = d.account.replace(/\s/g, '');
    else fields.accountNumber = d.account;
  }
  if (r.chance(0.4))
    lines.push(`${es ? r.pick(['Titular', 'Cliente']) : 'Account name'}\t${d.holder}`);
  if (r.chance(0.4)) {
    lines.push(
      es
        ? `Movimientos del ${fmt(d.start)} al ${fmt(d.end)}`
        : `Transactions from ${fmt(d.start)} to ${fmt(d.end)}`,
    );
    fields.periodStart = d.start;
    fields.periodEnd = d.end;
  }
  const layout = r.int(0, 2);
  const headers = es
    ? [
        ['Fecha', 'Fecha valor', 'Concepto', 'Importe', 'Saldo'],
        ['F. Operación', 'Concepto', 'Referencia', 'Cargo', 'Abono', 'Saldo'],
        ['Fecha operación', 'Descripción', 'Importe', 'Divisa', 'Saldo'],
      ][layout]!
    : [
        ['Date', 'Posting date', 'Description', 'Amount', 'Balance'],
        ['Date', 'Description', 'Reference', 'Paid out', 'Paid in', 'Balance'],
        ['Transaction Date', 'Description', 'Amount', 'Currency', 'Balance'],
      ][layout]!;
  const rows = d.txs.map((x) => {
    const ref = `${r.int(100000, 999999)}`;
    switch (layout) {
      case 0:
        return [fmt(x.date), fmt(x.date), x.description, n(x.amount), n(x.balance)];
      case 1:
        return [
          fmt(x.date),
          x.description,
          ref,
          x.amount < 0 ? n(-x.amount) : '',
          x.amount > 0 ? n(x.amount) : '',
          n(x.balance),
        ];
      default:
        return [fmt(x.date), x.description, n(x.amount), locale.currency, n(x.balance)];
    }
  });
  if (r.chance(0.5)) rows.reverse();
  lines.push(headers.join('\t'), ...rows.map((row) => row.join('\t').replace(/\t+$/, '')));
  return doc(locale, id, `statement-export-${layout}`, lines, fields, d);
}

function doc(
  locale: Locale,
  id: string,
  layout: string,
  lines: string[],
  fields: Record<string, string | number>,
  d: StatementData,
): GeneratedDoc {
  return {
    id,
    docType: 'bank_statement',
    lang: locale.lang,
    country: locale.country,
    layout,
    noise: 'clean',
    text: lines.join('\n'),
    fields,
    tables: { transactions: d.txs.map((x) => ({ ...x })) },
  };
}
