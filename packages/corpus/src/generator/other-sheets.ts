import { companyName, personName, type Pool } from './fake-data';
import { addDays, formatDate, moneyFormat, randomDate, type Locale } from './locales';
import type { Random } from './random';

/**
 * Spreadsheets that are not one financial document, flattened to tab-separated rows the way the
 * OCR stage sends them: expense reports, invoice registers, budgets, timesheets, price lists.
 * They carry dates, amounts and even the words `factura` or `IVA`, and must still be `other`
 * (an expense report lists many expenses; it is not a receipt or an invoice).
 */
type Sheet = (r: Random, l: Locale, p: Pool) => string[];

function cells(r: Random, l: Locale) {
  const fmt = moneyFormat(r, l);
  const raw = r.chance(0.5);
  const iso = r.chance(0.6);
  return {
    amount: (v: number) => (raw ? String(fmt.round(v)) : fmt.number(v)),
    date: (d: string) => (iso ? d : formatDate(r, d, l, 0)),
    round: fmt.round,
    scale: fmt.scale,
  };
}

const EXPENSE = {
  es: {
    titles: [
      'Nota de gastos',
      'Hoja de gastos',
      'Liquidación de gastos de viaje',
      'Rendición de gastos',
      'Reporte de gastos',
      'Relación de gastos',
      'Legalización de gastos',
      'Gastos',
    ],
    concepts: [
      ['Taxi aeropuerto', 'Transporte'],
      ['Billete de tren', 'Transporte'],
      ['Vuelo ida y vuelta', 'Transporte'],
      ['Hotel 1 noche', 'Alojamiento'],
      ['Comida con cliente', 'Representación'],
      ['Cena equipo', 'Dietas'],
      ['Kilometraje', 'Kilometraje'],
      ['Peaje autopista', 'Transporte'],
      ['Parking', 'Transporte'],
      ['Papel y tóner', 'Suministros'],
      ['Gasolina', 'Combustible'],
      ['Almuerzo', 'Dietas'],
      ['Cursos y formación', 'Formación'],
      ['Mensajería urgente', 'Servicios'],
      ['Suscripción software', 'Servicios'],
    ],
    headers: [
      ['Fecha', 'Concepto', 'Categoría', 'Importe'],
      ['Fecha', 'Proveedor', 'Concepto', 'Importe'],
      ['Fecha', 'Descripción', 'Tipo de gasto', 'Forma de pago', 'Importe'],
      ['Nº', 'Fecha', 'Concepto', 'Proveedor', 'Base', 'IVA', 'Total'],
      ['Fecha', 'Concepto', 'Centro de coste', 'Monto'],
    ],
    pay: ['Tarjeta empresa', 'Tarjeta personal', 'Efectivo', 'Transferencia'],
    total: ['Total', 'TOTAL GASTOS', 'Total general', 'Suma'],
    after: [
      'A reembolsar',
      'Anticipo recibido',
      'Saldo a favor del empleado',
      'Aprobado por',
      'Firma del responsable',
    ],
    who: ['Empleado', 'Solicitante', 'Nombre', 'Colaborador'],
  },
  en: {
    titles: [
      'Expense report',
      'Expense claim form',
      'Travel expenses',
      'Monthly expenses',
      'Petty cash log',
      'Expenses',
    ],
    concepts: [
      ['Taxi to airport', 'Travel'],
      ['Train ticket', 'Travel'],
      ['Return flight', 'Travel'],
      ['Hotel 1 night', 'Accommodation'],
      ['Client lunch', 'Entertainment'],
      ['Team dinner', 'Meals'],
      ['Mileage', 'Mileage'],
      ['Parking', 'Travel'],
      ['Office supplies', 'Supplies'],
      ['Fuel', 'Fuel'],
      ['Conference ticket', 'Training'],
      ['Software subscription', 'IT'],
    ],
    headers: [
      ['Date', 'Description', 'Category', 'Amount'],
      ['Date', 'Merchant', 'Category', 'Net', 'VAT', 'Gross'],
      ['Date', 'Item', 'Paid with', 'Amount'],
      ['Date', 'Expense type', 'Supplier', 'Amount', 'Receipt'],
    ],
    pay: ['Company card', 'Personal card', 'Cash'],
    total: ['Total', 'TOTAL', 'Total claimed', 'Grand total'],
    after: ['Amount due to employee', 'Advance received', 'Approved by', 'Manager signature'],
    who: ['Employee', 'Employee name', 'Claimant', 'Name'],
  },
};

const expenseReport: Sheet = (r, l, p) => {
  const t = EXPENSE[l.lang];
  const c = cells(r, l);
  const header = r.pick(t.headers);
  const lines: string[] = [];
  if (r.chance(0.7))
    lines.push(
      `${r.pick(t.titles)}${r.chance(0.5) ? `\t${formatDate(r, randomDate(r), l, 5).replace(/^\d+ (de )?/, '')}` : ''}`,
    );
  if (r.chance(0.6)) lines.push(`${r.pick(t.who)}\t${personName(r, l.lang, p)}`);
  if (r.chance(0.3))
    lines.push(
      `${l.lang === 'es' ? 'Departamento' : 'Department'}\t${r.pick(l.lang === 'es' ? ['Comercial', 'Operaciones', 'Administración'] : ['Sales', 'Operations', 'Finance'])}`,
    );
  lines.push(header.join('\t'));
  let day = randomDate(r);
  let total = 0;
  const count = r.int(3, 14);
  for (let i = 0; i < count; i += 1) {
    day = addDays(day, r.int(0, 6));
    const [concept, category] = r.pick(t.concepts) as [string, string];
    const gross = c.round(r.money(4, 450) * c.scale);
    const net = c.round(gross / 1.21);
    total += gross;
    const row = header.map((h) => {
      if (/^(fecha|date)$/i.test(h)) return c.date(day);
      if (/^(nº)$/i.test(h)) return String(i + 1);
      if (/concepto|descripci|description|item|expense type/i.test(h)) return concept;
      if (/categor|tipo|centro/i.test(h)) return category!;
      if (/proveedor|merchant|supplier/i.test(h)) return companyName(r, l, p);
      if (/forma de pago|paid with/i.test(h)) return r.pick(t.pay);
      if (/^(base|net)$/i.test(h)) return c.amount(net);
      if (/^(iva|vat)$/i.test(h)) return c.amount(gross - net);
      if (/receipt/i.test(h)) return r.pick(['Y', 'N', 'Yes']);
      return c.amount(gross);
    });
    lines.push(row.join('\t'));
  }
  if (r.chance(0.8))
    lines.push(`${'\t'.repeat(header.length - 2)}${r.pick(t.total)}\t${c.amount(total)}`);
  if (r.chance(0.5))
    lines.push(
      `${r.pick(t.after)}\t${r.chance(0.5) ? personName(r, l.lang, p) : c.amount(c.round(total * r.money(0.2, 1)))}`,
    );
  return lines;
};

const invoiceRegister: Sheet = (r, l, p) => {
  const es = l.lang === 'es';
  const c = cells(r, l);
  const lines = r.chance(0.6)
    ? [
        es
          ? r.pick([
              'Libro registro de facturas recibidas',
              'Listado de facturas emitidas',
              'Facturas pendientes de pago',
              'Relación de facturas',
            ])
          : r.pick([
              'Accounts payable ageing',
              'Invoice register',
              'Outstanding invoices',
              'Sales ledger export',
            ]),
      ]
    : [];
  lines.push(
    (es
      ? ['Nº factura', 'Fecha', 'Proveedor', 'Base', 'IVA', 'Total', 'Estado']
      : ['Invoice no', 'Date', 'Customer', 'Net', 'VAT', 'Total', 'Status']
    ).join('\t'),
  );
  for (let i = 0; i < r.int(4, 15); i += 1) {
    const base = c.round(r.money(40, 4000) * c.scale);
    const tax = c.round(base * 0.21);
    lines.push(
      [
        `${r.pick(['F', 'INV-', 'A'])}${r.int(1000, 99999)}`,
        c.date(randomDate(r)),
        companyName(r, l, p),
        c.amount(base),
        c.amount(tax),
        c.amount(base + tax),
        r.pick(es ? ['Pagada', 'Pendiente', 'Vencida'] : ['Paid', 'Open', 'Overdue']),
      ].join('\t'),
    );
  }
  return lines;
};

const budget: Sheet = (r, l) => {
  const es = l.lang === 'es';
  const c = cells(r, l);
  const months = es
    ? ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun']
    : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'];
  const rows = es
    ? ['Ventas', 'Personal', 'Alquiler', 'Suministros', 'Marketing', 'Resultado']
    : ['Revenue', 'Payroll', 'Rent', 'Utilities', 'Marketing', 'Net result'];
  return [
    es
      ? r.pick(['Presupuesto 2024', 'Previsión de tesorería', 'Presupuesto vs real'])
      : r.pick(['Budget 2024', 'Cash flow forecast', 'Budget vs actual']),
    [es ? 'Partida' : 'Line', ...months].join('\t'),
    ...rows.map((row) =>
      [row, ...months.map(() => c.amount(c.round(r.money(200, 20000) * c.scale)))].join('\t'),
    ),
  ];
};

const timesheet: Sheet = (r, l, p) => {
  const es = l.lang === 'es';
  const start = randomDate(r);
  return [
    es
      ? r.pick(['Parte de horas', 'Registro de jornada', 'Control horario'])
      : r.pick(['Timesheet', 'Weekly timesheet', 'Hours log']),
    `${es ? 'Empleado' : 'Employee'}\t${personName(r, l.lang, p)}`,
    (es
      ? ['Fecha', 'Proyecto', 'Entrada', 'Salida', 'Horas']
      : ['Date', 'Project', 'Start', 'End', 'Hours']
    ).join('\t'),
    ...Array.from({ length: r.int(3, 10) }, (_, i) => {
      const h = r.int(6, 9);
      return [
        addDays(start, i),
        r.pick(['ERP', 'Web', 'Almacén', 'Soporte', 'Audit']),
        '08:00',
        `${8 + h}:00`,
        String(h),
      ].join('\t');
    }),
    `${es ? 'Total horas' : 'Total hours'}\t\t\t\t${r.int(20, 60)}`,
  ];
};

const priceList: Sheet = (r, l, p) => {
  const es = l.lang === 'es';
  const c = cells(r, l);
  return [
    `${es ? r.pick(['Lista de precios', 'Tarifa de precios', 'Catálogo']) : r.pick(['Price list', 'Trade prices', 'Catalogue'])} ${r.int(2023, 2025)}`,
    companyName(r, l, p),
    (es
      ? ['Código', 'Artículo', 'Unidad', 'Precio', 'Precio con IVA']
      : ['SKU', 'Item', 'Unit', 'Price', 'Price inc VAT']
    ).join('\t'),
    ...Array.from({ length: r.int(4, 12) }, () => {
      const price = c.round(r.money(1, 300) * c.scale);
      return [
        `${r.pick(['A', 'B', 'X'])}${r.int(100, 999)}`,
        r.pick(
          es
            ? [
                'Tornillo 6mm',
                'Cable 2,5mm',
                'Pintura blanca 15L',
                'Guantes nitrilo',
                'Cinta embalar',
              ]
            : ['Screw 6mm', 'Cable 2.5mm', 'White paint 15L', 'Nitrile gloves', 'Packing tape'],
        ),
        r.pick(['ud', 'caja', 'm', 'pack']),
        c.amount(price),
        c.amount(c.round(price * 1.21)),
      ].join('\t');
    }),
  ];
};

export const OTHER_SHEETS: Sheet[] = [
  expenseReport,
  expenseReport,
  expenseReport,
  invoiceRegister,
  budget,
  timesheet,
  priceList,
];
