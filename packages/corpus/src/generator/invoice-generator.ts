import type { GeneratedDoc } from './generated-doc';
import { address, companyName, iban, PRODUCTS, taxId, type Pool } from './fake-data';
import { pair, pairsBlock, pickPairStyle, sideBySide, table, type TableStyle } from './layout';
import {
  addDays,
  formatDate,
  formatMoney,
  formatNumber,
  randomDate,
  type AmountStyle,
  type CurrencyStyle,
  type Locale,
} from './locales';
import { invoiceFlavour } from './invoice-flavours';
import type { Random } from './random';

const L = {
  en: {
    invoice: [
      'INVOICE',
      'Invoice',
      'TAX INVOICE',
      'Sales Invoice',
      'VAT INVOICE',
      'Commercial Invoice',
      'Bill',
    ],
    credit: ['CREDIT NOTE', 'Credit Note', 'Credit Memo', 'CREDIT MEMO', 'Credit Invoice'],
    number: ['Invoice No.', 'Invoice Number', 'Invoice #', 'Invoice no', 'Inv. No.', 'Invoice ID'],
    creditNumber: ['Credit Note No.', 'Credit Memo #', 'Credit Note Number', 'Document No.'],
    date: ['Invoice Date', 'Date', 'Date of issue', 'Issue Date', 'Tax point date', 'Dated'],
    due: ['Due Date', 'Payment due', 'Due by', 'Pay by', 'Payment Due Date'],
    buyer: ['Bill To', 'Billed To', 'Customer', 'Invoice To', 'Client', 'Sold To'],
    seller: ['From', 'Supplier', 'Seller', 'Vendor'],
    subtotal: [
      'Subtotal',
      'Sub-total',
      'Net amount',
      'Total net',
      'Net Total',
      'Amount before tax',
      'Taxable amount',
    ],
    total: [
      'Total',
      'TOTAL',
      'Total due',
      'Amount due',
      'Balance due',
      'Invoice total',
      'Total amount',
      'Grand Total',
      'Total (incl. tax)',
      'AMOUNT DUE',
    ],
    creditTotal: ['Total credit', 'Total', 'Credit total', 'Amount credited', 'TOTAL'],
    headers: [
      ['Description', 'Qty', 'Unit price', 'Amount'],
      ['Item', 'Quantity', 'Rate', 'Total'],
      ['Description', 'Hours', 'Rate', 'Line total'],
      ['Product', 'Units', 'Price', 'Amount'],
    ],
    reason: [
      'Reason: goods returned',
      'Refund for damaged items',
      'Credit for overbilling',
      'Reason for credit: cancelled service',
    ],
    ref: ['Original invoice', 'Refers to invoice', 'Against invoice', 'Ref. invoice'],
    terms: [
      'Payment terms: 30 days',
      'Terms: Net 30',
      'Please pay within 14 days',
      'Thank you for your business!',
      'Payment by bank transfer',
    ],
    currency: 'Currency',
    tax: (name: string, rate: string) => [
      `${name} ${rate}%`,
      `${name} (${rate}%)`,
      `${name} @ ${rate}%`,
      `Tax ${rate}%`,
    ],
  },
  es: {
    invoice: [
      'FACTURA',
      'Factura',
      'FACTURA ELECTRÓNICA',
      'Factura de venta',
      'FACTURA DE VENTA',
      'Factura ordinaria',
    ],
    credit: [
      'NOTA DE CRÉDITO',
      'Nota de crédito',
      'FACTURA RECTIFICATIVA',
      'Factura rectificativa',
      'Factura de abono',
      'ABONO',
    ],
    number: [
      'Factura Nº',
      'Nº Factura',
      'Número de factura',
      'Factura n.º',
      'Num. Factura',
      'No. Factura',
      'Número',
    ],
    creditNumber: ['Nº Rectificativa', 'Nota de crédito Nº', 'Número', 'Nº Abono'],
    date: ['Fecha', 'Fecha de emisión', 'Fecha factura', 'Fecha de expedición', 'F. emisión'],
    due: ['Fecha de vencimiento', 'Vencimiento', 'Fecha límite de pago', 'Vto.', 'Fecha de pago'],
    buyer: ['Cliente', 'Facturar a', 'Datos del cliente', 'Destinatario', 'Receptor', 'Señores'],
    seller: ['Emisor', 'Proveedor', 'Vendedor', 'Datos del emisor'],
    subtotal: [
      'Subtotal',
      'Base imponible',
      'Base Imponible',
      'Importe neto',
      'Total sin IVA',
      'Valor neto',
      'Suma',
    ],
    total: [
      'Total',
      'TOTAL',
      'Total factura',
      'Importe total',
      'Total a pagar',
      'TOTAL A PAGAR',
      'Total (IVA incluido)',
      'Importe a pagar',
      'Valor total',
    ],
    creditTotal: [
      'Total',
      'Total abono',
      'Importe total',
      'TOTAL NOTA DE CRÉDITO',
      'Total rectificado',
    ],
    headers: [
      ['Descripción', 'Cant.', 'Precio unit.', 'Importe'],
      ['Concepto', 'Cantidad', 'Precio', 'Total'],
      ['Detalle', 'Uds', 'P. Unitario', 'Subtotal'],
      ['Artículo', 'Unidades', 'Precio', 'Importe'],
    ],
    reason: [
      'Motivo: devolución de mercancía',
      'Rectificación por error en precio',
      'Abono por servicio cancelado',
      'Motivo de la rectificación: descuento no aplicado',
    ],
    ref: ['Factura rectificada', 'Rectifica a la factura', 'Factura original', 'Ref. factura'],
    terms: [
      'Forma de pago: transferencia bancaria',
      'Pago a 30 días',
      'Gracias por su confianza',
      'Condiciones de pago: contado',
    ],
    currency: 'Moneda',
    tax: (name: string, rate: string) => [
      `${name} ${rate}%`,
      `${name} (${rate}%)`,
      `${name} ${rate} %`,
      `Cuota ${name} ${rate}%`,
    ],
  },
};

function invoiceNumber(r: Random, locale: Locale): string {
  const y = r.int(2022, 2025);
  switch (locale.country) {
    case 'EC':
      return `001-00${r.int(1, 9)}-${String(r.int(1, 999999)).padStart(9, '0')}`;
    case 'PE':
      return `F${String(r.int(1, 99)).padStart(3, '0')}-${String(r.int(1, 99999)).padStart(8, '0')}`;
    default:
      return r.pick([
        `INV-${y}-${String(r.int(1, 9999)).padStart(4, '0')}`,
        `F${y}/${r.int(1, 999)}`,
        `A-${String(r.int(1, 99999)).padStart(6, '0')}`,
        `${y}${String(r.int(1, 9999)).padStart(4, '0')}`,
        `FV-${r.int(1000, 99999)}`,
        `${r.pick(['SI', 'IN', 'FAC'])}${r.int(10000, 999999)}`,
      ]);
  }
}

/** Where to pay: an IBAN in Europe, the local account formats elsewhere. */
function paymentAccount(r: Random, locale: Locale): string {
  const digits = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
  switch (locale.country) {
    case 'ES':
    case 'GB':
    case 'IE':
    case 'DE':
      return `IBAN: ${iban(r, locale.country)}`;
    case 'MX':
      return `CLABE: ${digits(18).replace(/(\d{4})(?=\d)/g, '$1 ')}`;
    case 'PE':
      return `${r.pick(['CCI', 'Cta. Cte. soles'])}: ${digits(3)}-${digits(3)}-${digits(12)}-${digits(2)}`;
    case 'US':
      return `ACH routing ${digits(9)}, account ${digits(10)}`;
    default:
      return locale.lang === 'es'
        ? `${r.pick(['Cuenta corriente', 'Cta. corriente', 'Cuenta de ahorros'])} N° ${digits(3)}-${digits(6)}-${digits(2)}`
        : `Account ${digits(8)}`;
  }
}

export function generateInvoice(
  r: Random,
  locale: Locale,
  pool: Pool,
  credit: boolean,
  id: string,
): GeneratedDoc {
  const t = L[locale.lang];
  const amountStyle: AmountStyle = r.pick(locale.amountStyles);
  const currencyStyle: CurrencyStyle = r.pick([
    'prefix',
    'prefix-space',
    'suffix',
    'code-prefix',
    'code-suffix',
    'none',
    'none',
  ]);
  const whole = r.chance(locale.wholeAmounts ?? 0);
  const decimals = whole ? 0 : 2;
  const round = (v: number) => (whole ? Math.round(v) : Math.round(v * 100) / 100);
  const money = (v: number) => formatMoney(v, locale, amountStyle, currencyStyle, decimals);
  const plain = (v: number) => (r.chance(0.5) ? formatNumber(v, amountStyle, decimals) : money(v));
  const flavour = r.chance(0.75) ? invoiceFlavour(r, locale) : undefined;
  const seller = companyName(r, locale, pool);
  const buyer = companyName(r, locale, pool);
  const sellerId = taxId(r, locale);
  const buyerId = taxId(r, locale, r.chance(0.3));
  const number = flavour?.number ?? invoiceNumber(r, locale);
  const issue = randomDate(r);
  const hasDue = r.chance(0.75);
  const due = addDays(issue, r.pick([0, 7, 14, 15, 30, 30, 45, 60]));
  const rate = r.pick(locale.taxRates);
  const twoRates = locale.country === 'ES' && r.chance(0.15);
  const withholding = locale.country === 'ES' && !twoRates && r.chance(0.12);
  const sign = credit && r.chance(0.4) ? -1 : 1;
  const nItems = r.int(1, 7);
  const items = Array.from({ length: nItems }, (_, i) => {
    const qty = r.chance(0.2) ? r.int(1, 40) / 2 : r.int(1, 12);
    const scale = locale.scale ?? 1;
    const unit = r.money(2, scale > 1 ? 400 : 900) * scale;
    const unitRounded = scale > 1 ? Math.round(unit) : unit;
    return {
      description: r.pick(PRODUCTS[locale.lang]),
      quantity: qty,
      unitPrice: unitRounded,
      amount: sign * round(qty * unitRounded),
      rate: twoRates && i % 2 === 1 ? 10 : rate,
    };
  });
  const subtotal = round(items.reduce((a, x) => a + x.amount, 0));
  const rates = [...new Set(items.map((x) => x.rate))];
  const taxLines = rates.map((rt) => {
    const base = round(items.filter((x) => x.rate === rt).reduce((a, x) => a + x.amount, 0));
    return { rate: rt, base, amount: round((base * rt) / 100) };
  });
  if (withholding)
    taxLines.push({ rate: -15, base: subtotal, amount: -round((subtotal * 15) / 100) });
  const taxAmount = round(taxLines.filter((x) => x.rate > 0).reduce((a, x) => a + x.amount, 0));
  const total = round(subtotal + taxLines.reduce((a, x) => a + x.amount, 0));

  // header blocks
  const sellerBlock = [
    seller,
    ...address(r, locale),
    `${r.pick(locale.taxIdLabels)}: ${sellerId}`,
    ...(flavour?.sellerLines.filter(() => r.chance(0.7)) ?? []),
  ];
  if (r.chance(0.4))
    sellerBlock.push(
      r.chance(0.5)
        ? `Tel. +${r.int(1, 99)} ${r.int(100, 999)} ${r.int(100, 999)} ${r.int(100, 999)}`
        : `info@${seller.split(' ')[0]!.toLowerCase()}.com`,
    );
  const buyerLabel = r.pick(flavour?.buyerLabels && r.chance(0.7) ? flavour.buyerLabels : t.buyer);
  const buyerAddress = address(r, locale).slice(0, r.int(1, 2));
  let buyerIdShown = true;
  let buyerBlock = [
    `${buyerLabel}${r.chance(0.7) ? ':' : ''}`,
    buyer,
    ...buyerAddress,
    `${r.pick(locale.taxIdLabels)}: ${buyerId}`,
  ];
  if (locale.lang === 'en' && r.chance(locale.country === 'US' ? 0.5 : 0.15)) {
    // US style: Bill To and Ship To blocks side by side
    const shipTo = [
      `${r.pick(['SHIP TO', 'Ship To', 'Deliver To'])}${r.chance(0.7) ? ':' : ''}`,
      r.chance(0.6)
        ? buyer
        : `${buyer.split(' ')[0]} ${r.pick(['Warehouse', 'Receiving', 'Site office'])}`,
      ...address(r, locale),
    ];
    buyerBlock = sideBySide(buyerBlock.slice(0, -1), shipTo, r.int(36, 46));
    buyerIdShown = r.chance(0.5);
    if (buyerIdShown) buyerBlock.push(`${r.pick(locale.taxIdLabels)}: ${buyerId}`);
  }
  const fmtDate = (d: string) => formatDate(r, d, locale, dateStyle);
  const dateStyle = r.int(0, 9);
  const meta: [string, string][] = [
    [credit ? r.pick(t.creditNumber) : r.pick(t.number), number],
    [r.pick(t.date), fmtDate(issue)],
  ];
  if (hasDue) meta.push([r.pick(t.due), fmtDate(due)]);
  for (const [label, value] of flavour?.meta ?? [])
    if (r.chance(0.5)) meta.push([label, value || fmtDate(issue)]);
  const showCurrencyLine = currencyStyle === 'none' && r.chance(0.7);
  if (showCurrencyLine) meta.push([t.currency, locale.currency]);
  const flavourTitles = flavour && (credit ? flavour.creditTitles : flavour.titles);
  const title = r.pick(
    flavourTitles && r.chance(0.7) ? flavourTitles : credit ? t.credit : t.invoice,
  );
  const layout = r.pick(['classic', 'two-column', 'meta-above', 'buyer-first', 'labelled-parties']);
  const lines: string[] = [];
  if (layout === 'two-column') {
    lines.push(
      ...sideBySide(sellerBlock, [title, '', ...pairsBlock(r, meta, 0)], r.int(42, 52)),
      '',
    );
    lines.push(...buyerBlock, '');
  } else if (layout === 'meta-above') {
    lines.push(
      title.padStart(30),
      '',
      ...sellerBlock,
      '',
      ...pairsBlock(r, meta, 1),
      '',
      ...buyerBlock,
      '',
    );
  } else if (layout === 'buyer-first') {
    lines.push(
      ...sellerBlock,
      '',
      title,
      '',
      ...sideBySide(buyerBlock, pairsBlock(r, meta, r.pick([0, 2])), r.int(40, 50)),
      '',
    );
  } else if (layout === 'labelled-parties') {
    lines.push(title, '', ...pairsBlock(r, meta, r.pick([0, 3])), '');
    const sl = r.pick(t.seller);
    lines.push(...sideBySide([`${sl}:`, ...sellerBlock], buyerBlock, r.int(40, 50)), '');
  } else {
    lines.push(
      ...sellerBlock,
      '',
      title,
      ...pairsBlock(r, meta, r.pick([0, 2, 3])),
      '',
      ...buyerBlock,
      '',
    );
  }
  if (credit) lines.push(`${r.pick(t.ref)}: ${invoiceNumber(r, locale)}`, r.pick(t.reason), '');

  // items
  const headers = r.pick(t.headers);
  const tableStyle: TableStyle = r.pick(['spaces', 'spaces', 'pipes', 'tabs', 'boxed']);
  const rows = items.map((x) => [
    x.description,
    formatNumber(x.quantity, amountStyle, Number.isInteger(x.quantity) ? 0 : 1),
    plain(x.unitPrice),
    plain(x.amount),
  ]);
  const qtyFirst = r.chance(0.25);
  if (qtyFirst) {
    lines.push(
      ...table(
        [headers[1]!, headers[0]!, headers[2]!, headers[3]!],
        rows.map((row) => [row[1]!, row[0]!, row[2]!, row[3]!]),
        tableStyle,
        2,
      ).map((l) => l),
    );
  } else lines.push(...table(headers, rows, tableStyle));
  lines.push('');

  // totals
  const style = pickPairStyle(r);
  const totals: string[] = [];
  const indent = r.chance(0.5) ? ' '.repeat(r.int(20, 40)) : '';
  const subtotalLabels =
    flavour?.subtotalLabels && r.chance(0.7) ? flavour.subtotalLabels : t.subtotal;
  totals.push(pair(r.pick(subtotalLabels), money(subtotal), style, 22));
  for (const line of taxLines) {
    const rateText = formatNumber(
      Math.abs(line.rate),
      amountStyle,
      Number.isInteger(line.rate) ? 0 : 2,
    );
    const label =
      line.rate < 0
        ? locale.lang === 'es'
          ? `Retención IRPF ${rateText}%`
          : `Withholding ${rateText}%`
        : r.pick(flavour?.taxLabel?.(rateText) ?? t.tax(locale.taxName, rateText));
    totals.push(pair(label, money(line.amount), style, 22));
  }
  const totalLabels =
    flavour?.totalLabels && !credit && r.chance(0.7) ? flavour.totalLabels : undefined;
  const totalLabel = r.pick(totalLabels ?? (credit ? t.creditTotal : t.total));
  totals.push(pair(totalLabel, money(total), style, 22));
  lines.push(...totals.map((l) => indent + l), '');
  if (r.chance(0.5)) lines.push(paymentAccount(r, locale));
  lines.push(r.pick(t.terms), ...(flavour?.footer(total) ?? []));

  const fields: Record<string, string | number> = {
    invoiceNumber: number,
    issueDate: issue,
    sellerName: seller,
    sellerTaxId: sellerId.replace(/[\s.]/g, '').toUpperCase(),
    buyerName: buyer,
    ...(buyerIdShown ? { buyerTaxId: buyerId.replace(/[\s.]/g, '').toUpperCase() } : {}),
    subtotal,
    taxAmount,
    total,
  };
  if (hasDue) fields.dueDate = due;
  if (
    currencyStyle !== 'none' ||
    showCurrencyLine ||
    ['ES', 'CO', 'EC', 'PE'].includes(locale.country)
  ) {
    fields.currency = locale.currency;
  }
  return {
    id,
    docType: credit ? 'credit_note' : 'invoice',
    lang: locale.lang,
    country: locale.country,
    layout: `invoice-${layout}-${tableStyle}`,
    noise: 'clean',
    text: lines.join('\n'),
    fields,
    tables: {
      lineItems: items.map((x) => ({
        description: x.description,
        quantity: x.quantity,
        unitPrice: x.unitPrice,
        amount: x.amount,
      })),
      taxLines: taxLines.map((x) => ({ rate: x.rate, amount: x.amount })),
    },
  };
}
