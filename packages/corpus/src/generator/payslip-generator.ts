import type { GeneratedDoc } from './generated-doc';
import { address, companyName, personName, taxId, type Pool } from './fake-data';
import { pair, pairsBlock, pickPairStyle, sideBySide } from './layout';
import { addDays, formatDate, moneyFormat, randomDate, type Locale } from './locales';
import { PAYSLIP_VOCABULARY, type PayslipVocabulary } from './payslip-variants';
import type { Random } from './random';

const T = {
  en: {
    title: ['PAYSLIP', 'Pay Slip', 'Earnings Statement', 'Pay Stub', 'Salary Statement'],
    employer: ['Employer', 'Company'],
    employee: ['Employee', 'Employee name', 'Name'],
    period: ['Pay period', 'Period', 'Pay date range'],
    earnings: ['Basic salary', 'Overtime', 'Bonus', 'Holiday pay', 'Commission'],
    deductions: ['Income tax', 'National Insurance', 'Pension', 'Health insurance', 'Student loan'],
    gross: ['Gross pay', 'Total gross', 'Gross earnings', 'GROSS PAY', 'Total earnings'],
    net: ['Net pay', 'NET PAY', 'Take home pay', 'Net amount paid', 'Amount paid'],
    deductionsTotal: ['Total deductions', 'Deductions'],
    extra: ['Employee ID', 'Tax code', 'NI number', 'Department'],
    earningsHeading: ['EARNINGS', 'Payments'],
    deductionsHeading: ['DEDUCTIONS', 'Deductions'],
    footer: [],
    factor: 1,
  },
  es: {
    title: [
      'NÓMINA',
      'Recibo de salarios',
      'RECIBO INDIVIDUAL DE SALARIOS',
      'Nómina mensual',
      'Comprobante de pago de nómina',
    ],
    employer: ['Empresa', 'Empleador', 'Razón social'],
    employee: ['Trabajador', 'Empleado', 'Nombre del trabajador'],
    period: ['Periodo de liquidación', 'Periodo', 'Período'],
    earnings: [
      'Salario base',
      'Complemento de destino',
      'Horas extra',
      'Plus transporte',
      'Paga extra prorrateada',
    ],
    deductions: [
      'Contingencias comunes',
      'Desempleo',
      'Formación profesional',
      'Retención IRPF',
      'Seguridad social',
    ],
    gross: ['Total devengado', 'TOTAL DEVENGADO', 'Salario bruto', 'Total bruto', 'Devengos'],
    net: [
      'Líquido a percibir',
      'LÍQUIDO TOTAL A PERCIBIR',
      'Neto a pagar',
      'Total neto',
      'Neto a percibir',
    ],
    deductionsTotal: ['Total a deducir', 'TOTAL DEDUCCIONES', 'Deducciones'],
    extra: ['Nº afiliación S.S.', 'Categoría', 'Antigüedad', 'Grupo de cotización'],
    earningsHeading: ['DEVENGOS', 'I. DEVENGOS'],
    deductionsHeading: ['DEDUCCIONES', 'II. DEDUCCIONES'],
    footer: ['Recibí', 'Sello de la empresa'],
    factor: 1,
  },
};

const GENERIC: Record<'en' | 'es', PayslipVocabulary> = {
  en: { ...T.en, deductions: T.en.deductions.map((d) => [d] as [string]) },
  es: { ...T.es, deductions: T.es.deductions.map((d) => [d] as [string]) },
};

const MONTHS = {
  en: [
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
  ],
  es: [
    'Enero',
    'Febrero',
    'Marzo',
    'Abril',
    'Mayo',
    'Junio',
    'Julio',
    'Agosto',
    'Septiembre',
    'Octubre',
    'Noviembre',
    'Diciembre',
  ],
};

/**
 * Payslips in the country's own form and words (see `payslip-variants.ts`), as a list of earnings
 * then deductions, two columns side by side, or one table with an amount column per kind (and a
 * year-to-date column in English ones); monthly or half-month periods, written as two dates or as
 * the month's name.
 */
export function generatePayslip(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const es = locale.lang === 'es';
  const t = (r.chance(0.8) && PAYSLIP_VOCABULARY[locale.country]) || GENERIC[locale.lang];
  const fmt = moneyFormat(r, locale);
  const n = (v: number) => fmt.number(v);
  const employer = companyName(r, locale, pool);
  const employee = personName(r, locale.lang, pool);
  const monthStart = randomDate(r).slice(0, 8) + '01';
  const monthEnd = addDays(addDays(monthStart, 32).slice(0, 8) + '01', -1);
  const half = ['CO', 'MX', 'US'].includes(locale.country) && r.chance(0.4);
  const second = half && r.chance(0.5);
  const start = second ? `${monthStart.slice(0, 8)}16` : monthStart;
  const end = half && !second ? `${monthStart.slice(0, 8)}15` : monthEnd;
  const ds = r.pick([0, 1, 3, 4]);
  const fmtDate = (d: string) => formatDate(r, d, locale, ds);
  const base = r.money(1200, 5200) * fmt.scale * t.factor * (half ? 0.5 : 1);
  const earnings = [t.earnings[0]!, ...r.shuffle(t.earnings.slice(1)).slice(0, r.int(0, 3))].map(
    (name, i) => ({ name, amount: fmt.round(i === 0 ? base : base * r.money(0.02, 0.15)) }),
  );
  const gross = fmt.round(earnings.reduce((a, x) => a + x.amount, 0));
  const deductions = r
    .shuffle([...t.deductions])
    .slice(0, r.int(2, 4))
    .map(([name, rate]) => ({
      name:
        rate !== undefined && r.chance(0.6)
          ? `${name} ${String(rate).replace('.', es ? ',' : '.')}%`
          : name,
      amount: fmt.round((gross * (rate ?? r.money(1, 12))) / 100),
    }));
  const totalDed = fmt.round(deductions.reduce((a, x) => a + x.amount, 0));
  const net = fmt.round(gross - totalDed);
  const month = `${MONTHS[locale.lang][Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;
  const periodText = r.pick([
    es ? `del ${fmtDate(start)} al ${fmtDate(end)}` : `${fmtDate(start)} to ${fmtDate(end)}`,
    `${fmtDate(start)} - ${fmtDate(end)}`,
    ...(half ? [] : [month, month.toUpperCase()]),
  ]);
  const lines: string[] = [r.pick(t.title), ''];
  const header: [string, string][] = [
    [r.pick(t.employer), employer],
    [r.pick(t.employee), employee],
    [r.pick(t.period), periodText],
  ];
  for (const extra of r.shuffle([...t.extra]).slice(0, r.int(0, 3)))
    header.push([
      extra,
      r.chance(0.5)
        ? String(r.int(10000, 99999))
        : r.pick(['A', 'B2', '1257L', '30', 'Administrativo']),
    ]);
  if (r.chance(0.4))
    lines.push(
      employer,
      ...address(r, locale).slice(0, r.int(1, 2)),
      `${r.pick(locale.taxIdLabels)}: ${taxId(r, locale)}`,
      '',
    );
  lines.push(
    ...pairsBlock(r, r.chance(0.3) ? r.shuffle(header) : header, r.pick([0, 0, 2, 3])),
    '',
  );
  const layout = r.pick(['list', 'list', 'columns', 'table']);
  const style = pickPairStyle(r);
  const grossLabel = r.pick(t.gross);
  const dedLabel = r.pick(t.deductionsTotal);
  if (layout === 'columns') {
    const left = [
      r.pick(t.earningsHeading),
      ...earnings.map((e) => pair(e.name, n(e.amount), 'spaces', 26)),
    ];
    const right = [
      r.pick(t.deductionsHeading),
      ...deductions.map((d) => pair(d.name, n(d.amount), 'spaces', 28)),
    ];
    const width = r.int(40, 48);
    lines.push(...sideBySide(left, right, width));
    lines.push(
      ...sideBySide(
        [pair(grossLabel, n(gross), 'spaces', 26)],
        [pair(dedLabel, n(totalDed), 'spaces', 28)],
        width,
      ),
    );
  } else if (layout === 'table') {
    const concept = es
      ? r.pick(['Concepto', 'CONCEPTO', 'Descripción'])
      : r.pick(['Description', 'Item']);
    const w = 34;
    lines.push(
      `${concept.padEnd(w)}${r.pick(t.earningsHeading).padStart(16)}${r.pick(t.deductionsHeading).padStart(16)}`,
    );
    for (const e of earnings) lines.push(`${e.name.padEnd(w)}${n(e.amount).padStart(16)}`);
    for (const d of deductions)
      lines.push(`${d.name.padEnd(w)}${''.padStart(16)}${n(d.amount).padStart(16)}`);
    lines.push(
      '',
      pair(grossLabel, n(gross), 'spaces', 30),
      pair(dedLabel, n(totalDed), 'spaces', 30),
    );
  } else {
    lines.push(r.pick(t.earningsHeading));
    for (const e of earnings) lines.push(pair(e.name, n(e.amount), style, 30));
    lines.push(pair(grossLabel, n(gross), style, 30), '', r.pick(t.deductionsHeading));
    for (const d of deductions) lines.push(pair(d.name, n(d.amount), style, 30));
    if (r.chance(0.7)) lines.push(pair(dedLabel, n(totalDed), style, 30));
  }
  lines.push(
    '',
    pair(
      r.pick(t.net),
      `${r.chance(0.3) ? fmt.money(net, 'prefix-space') : n(net)}${r.chance(0.3) ? ` ${locale.currency}` : ''}`,
      style,
      30,
    ),
  );
  if (t.footer.length && r.chance(0.6)) lines.push('', r.pick(t.footer));
  return {
    id,
    docType: 'payslip',
    lang: locale.lang,
    country: locale.country,
    layout: `payslip-${layout}-${style}`,
    noise: 'clean',
    text: lines.join('\n'),
    fields: {
      employerName: employer,
      employeeName: employee,
      periodStart: start,
      periodEnd: end,
      grossPay: gross,
      netPay: net,
    },
  };
}
