import type { GeneratedDoc } from './generated-doc';
import { address, companyName, RETAIL_ITEMS, taxId, type Pool } from './fake-data';
import { pair, pickPairStyle } from './layout';
import { formatDate, formatMoney, formatNumber, randomDate, type Locale } from './locales';
import type { Random } from './random';

const PAY: Record<'en' | 'es', [string, string][]> = {
  en: [
    ['VISA ****', 'card'],
    ['Mastercard **** ', 'card'],
    ['CARD', 'card'],
    ['Contactless', 'card'],
    ['CASH', 'cash'],
    ['Cash', 'cash'],
    ['Apple Pay', 'card'],
    ['Debit card', 'card'],
  ],
  es: [
    ['TARJETA', 'card'],
    ['VISA ****', 'card'],
    ['Tarjeta crédito', 'card'],
    ['EFECTIVO', 'cash'],
    ['Efectivo', 'cash'],
    ['Contado', 'cash'],
    ['Datáfono', 'card'],
    ['Bizum', 'mobile'],
  ],
} as const;

const T = {
  en: {
    total: ['TOTAL', 'Total', 'TOTAL DUE', 'Amount', 'TOTAL TO PAY', 'Balance'],
    tax: (n: string, r: string) => [`${n} ${r}%`, `${n} included`, `incl. ${n} ${r}%`, 'Tax'],
    header: ['RECEIPT', 'Sales Receipt', 'Till receipt', 'Customer copy', ''],
    thanks: [
      'THANK YOU FOR SHOPPING WITH US',
      'Thank you! Please come again',
      'Keep this receipt for returns',
      'No refunds without receipt',
    ],
    paid: ['Paid by', 'Payment', 'Tender', 'Method'],
    change: ['Change', 'CHANGE DUE'],
    tendered: ['Cash tendered', 'Tendered'],
    ticket: ['Receipt #', 'Trans', 'Ticket', 'Order #'],
    subtotal: ['Subtotal', 'SUBTOTAL', 'Net'],
  },
  es: {
    total: ['TOTAL', 'Total', 'TOTAL A PAGAR', 'Importe', 'TOTAL EUROS', 'Total compra'],
    tax: (n: string, r: string) => [`${n} ${r}%`, `${n} incluido`, `${n} ${r}% incl.`, 'Impuestos'],
    header: [
      'TICKET',
      'FACTURA SIMPLIFICADA',
      'Ticket de compra',
      'COMPROBANTE DE VENTA',
      'Recibo',
      '',
    ],
    thanks: [
      'GRACIAS POR SU VISITA',
      'Gracias por su compra',
      'Conserve el ticket para cambios',
      'Vuelva pronto',
    ],
    paid: ['Forma de pago', 'Pago', 'Medio de pago', 'Pagado con'],
    change: ['Cambio', 'Devolución'],
    tendered: ['Entregado', 'Efectivo entregado'],
    ticket: ['Ticket nº', 'Nº ticket', 'Operación', 'Tiquete'],
    subtotal: ['Subtotal', 'Base imponible', 'Base'],
  },
};

export function generateReceipt(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const t = T[locale.lang];
  const amountStyle = r.pick(locale.amountStyles);
  const symbol = r.chance(0.5);
  const money = (v: number) =>
    symbol
      ? formatMoney(v, locale, amountStyle, r.pick(['prefix', 'suffix']))
      : formatNumber(v, amountStyle);
  const merchant = companyName(r, locale, pool).replace(
    / (S\.L\.|S\.A\.|Ltd|Inc\.|LLC)$/,
    r.chance(0.5) ? '' : ' $1',
  );
  const date = randomDate(r);
  const rate = r.pick(locale.taxRates);
  const items = Array.from({ length: r.int(1, 6) }, () => ({
    name: r.pick(RETAIL_ITEMS[locale.lang]),
    qty: r.int(1, 3),
    price: r.money(0.8, 25),
  }));
  const total = Math.round(items.reduce((a, x) => a + x.qty * x.price, 0) * 100) / 100;
  const net = Math.round((total / (1 + rate / 100)) * 100) / 100;
  const tax = Math.round((total - net) * 100) / 100;
  const [payText, payMethod] = r.pick(PAY[locale.lang]);
  const width = r.int(32, 42);
  const right = (label: string, value: string) =>
    `${label}${' '.repeat(Math.max(1, width - label.length - value.length))}${value}`;
  const center = (s: string) => s.padStart(Math.floor((width + s.length) / 2));
  const lines: string[] = [];
  lines.push(center(merchant.toUpperCase()));
  for (const a of address(r, locale)) lines.push(center(a));
  if (r.chance(0.7)) lines.push(center(`${r.pick(locale.taxIdLabels)} ${taxId(r, locale)}`));
  const header = r.pick(t.header);
  if (header) lines.push('', center(header));
  const time = `${String(r.int(7, 22)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const dateText = formatDate(r, date, locale, r.pick([0, 1, 2, 4, 9]));
  lines.push(
    r.chance(0.5)
      ? `${dateText} ${time}`
      : right(`${r.pick(t.ticket)} ${r.int(1000, 99999)}`, `${dateText} ${time}`),
  );
  lines.push('-'.repeat(width));
  for (const x of items) {
    if (x.qty > 1 && r.chance(0.5))
      lines.push(
        `${x.qty} x ${formatNumber(x.price, amountStyle)}`,
        right(x.name, money(x.qty * x.price)),
      );
    else lines.push(right(`${x.qty > 1 ? `${x.qty} ` : ''}${x.name}`, money(x.qty * x.price)));
  }
  lines.push('-'.repeat(width));
  const taxFirst = r.chance(0.3);
  const taxLine = right(
    r.pick(t.tax(locale.taxName, formatNumber(rate, amountStyle, Number.isInteger(rate) ? 0 : 2))),
    money(tax),
  );
  if (taxFirst) lines.push(right(r.pick(t.subtotal), money(net)), taxLine);
  lines.push(right(r.pick(t.total), money(total)));
  if (!taxFirst) {
    if (r.chance(0.5)) lines.push('', right(r.pick(t.subtotal), money(net)));
    lines.push(taxLine);
  }
  const style = pickPairStyle(r);
  lines.push(
    r.chance(0.5)
      ? pair(
          r.pick(t.paid),
          payText + (payText.endsWith('*') ? String(r.int(1000, 9999)) : ''),
          style,
          14,
        )
      : `${payText}${payText.endsWith('*') ? r.int(1000, 9999) : ''}`,
  );
  if (payMethod === 'cash' && r.chance(0.6)) {
    const given = Math.ceil(total / 10) * 10 + (r.chance(0.5) ? 10 : 0);
    lines.push(
      right(r.pick(t.tendered), money(given)),
      right(r.pick(t.change), money(Math.round((given - total) * 100) / 100)),
    );
  }
  lines.push('', center(r.pick(t.thanks)));
  return {
    id,
    docType: 'receipt',
    lang: locale.lang,
    country: locale.country,
    layout: `receipt-${width}`,
    noise: 'clean',
    text: lines.join('\n'),
    fields: { merchantName: merchant, date, total, taxAmount: tax, paymentMethod: payMethod },
  };
}
