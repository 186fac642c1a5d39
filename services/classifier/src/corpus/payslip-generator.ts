import type { GeneratedDoc } from './generated-doc';
import { address, companyName, personName, taxId, type Pool } from './fake-data';
import { pair, pairsBlock, pickPairStyle } from './layout';
import { addDays, formatDate, formatNumber, randomDate, type Locale } from './locales';
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
  },
};

export function generatePayslip(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const t = T[locale.lang];
  const amountStyle = r.pick(locale.amountStyles);
  const n = (v: number) => formatNumber(v, amountStyle);
  const employer = companyName(r, locale, pool);
  const employee = personName(r, locale.lang, pool);
  const start = randomDate(r).slice(0, 8) + '01';
  const end = addDays(addDays(start, 32).slice(0, 8) + '01', -1);
  const ds = r.pick([0, 1, 3, 4]);
  const fmt = (d: string) => formatDate(r, d, locale, ds);
  const earnings = r
    .shuffle([...t.earnings])
    .slice(0, r.int(1, 3))
    .map((name, i) => ({ name, amount: i === 0 ? r.money(1200, 5200) : r.money(50, 600) }));
  const gross = Math.round(earnings.reduce((a, x) => a + x.amount, 0) * 100) / 100;
  const deductions = r
    .shuffle([...t.deductions])
    .slice(0, r.int(2, 4))
    .map((name) => ({ name, amount: Math.round(gross * r.money(0.01, 0.12) * 100) / 100 }));
  const totalDed = Math.round(deductions.reduce((a, x) => a + x.amount, 0) * 100) / 100;
  const net = Math.round((gross - totalDed) * 100) / 100;
  const lines: string[] = [r.pick(t.title), ''];
  const header: [string, string][] = [
    [r.pick(t.employer), employer],
    [r.pick(t.employee), employee],
    [
      r.pick(t.period),
      locale.lang === 'es' && r.chance(0.5)
        ? `del ${fmt(start)} al ${fmt(end)}`
        : `${fmt(start)} - ${fmt(end)}`,
    ],
  ];
  if (r.chance(0.5)) header.push([r.pick(t.extra), String(r.int(10000, 99999))]);
  if (r.chance(0.4))
    lines.push(
      employer,
      ...address(r, locale),
      `${r.pick(locale.taxIdLabels)}: ${taxId(r, locale)}`,
      '',
    );
  lines.push(
    ...pairsBlock(r, r.chance(0.3) ? r.shuffle(header) : header, r.pick([0, 0, 2, 3])),
    '',
  );
  const style = pickPairStyle(r);
  lines.push(locale.lang === 'es' ? 'DEVENGOS' : 'EARNINGS');
  for (const e of earnings) lines.push(pair(e.name, n(e.amount), style, 30));
  lines.push(pair(r.pick(t.gross), n(gross), style, 30), '');
  lines.push(locale.lang === 'es' ? 'DEDUCCIONES' : 'DEDUCTIONS');
  for (const d of deductions) lines.push(pair(d.name, n(d.amount), style, 30));
  if (r.chance(0.7)) lines.push(pair(r.pick(t.deductionsTotal), n(totalDed), style, 30));
  lines.push(
    '',
    pair(r.pick(t.net), `${n(net)}${r.chance(0.4) ? ` ${locale.currency}` : ''}`, style, 30),
  );
  return {
    id,
    docType: 'payslip',
    lang: locale.lang,
    country: locale.country,
    layout: `payslip-${style}`,
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
