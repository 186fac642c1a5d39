import { address, legalSuffix, type Pool } from './fake-data';
import type { GeneratedDoc } from './generated-doc';
import {
  formatDate,
  formatNumber,
  moneyFormat,
  randomDate,
  type Locale,
  type MoneyFormat,
} from './locales';
import type { Random } from './random';
import { receiptTotals } from './receipt-totals';
import { fiscalParts } from './receipt-fiscal';
import {
  RECEIPT_KINDS,
  kindDetails,
  kindFooter,
  merchantName,
  soldItems,
  type ReceiptKind,
  type SoldItem,
} from './receipt-kinds';

/** Local price level against the dollar-priced catalogues. */
const PRICE_FACTOR: Record<string, number> = { PE: 3.6, MX: 17, CL: 900, AR: 900, CO: 4000 };

const PAY: Record<string, [string, 'card' | 'cash' | 'mobile'][]> = {
  en: [
    ['VISA', 'card'],
    ['MASTERCARD', 'card'],
    ['DEBIT CARD', 'card'],
    ['Contactless', 'card'],
    ['CASH', 'cash'],
    ['Cash', 'cash'],
    ['Apple Pay', 'card'],
    ['AMEX', 'card'],
  ],
  es: [
    ['TARJETA', 'card'],
    ['VISA', 'card'],
    ['Tarjeta de débito', 'card'],
    ['EFECTIVO', 'cash'],
    ['Efectivo', 'cash'],
    ['CONTADO', 'cash'],
    ['MASTERCARD', 'card'],
  ],
  ES: [['BIZUM', 'mobile']],
  PE: [
    ['YAPE', 'mobile'],
    ['PLIN', 'mobile'],
  ],
  CO: [
    ['NEQUI', 'mobile'],
    ['DAVIPLATA', 'mobile'],
  ],
  AR: [
    ['MERCADO PAGO', 'mobile'],
    ['Tarjeta de Débito', 'card'],
  ],
  CL: [
    ['REDCOMPRA', 'card'],
    ['DÉBITO', 'card'],
  ],
};

function itemLines(
  r: Random,
  items: SoldItem[],
  kind: ReceiptKind,
  es: boolean,
  country: string,
  fmt: MoneyFormat,
  right: (l: string, v: string) => string,
): string[] {
  const n = (v: number) => fmt.number(v);
  const q = (v: number, decimals: number) => formatNumber(v, fmt.style, decimals);
  const out: string[] = [];
  const barcodes = ['supermarket', 'shop', 'pharmacy'].includes(kind) && r.chance(0.4);
  const rate = country === 'AR' ? ` (${r.pick(['21,00', '21.00'])})` : '';
  if (r.chance(0.35))
    out.push(
      r.pick(
        es
          ? [
              'CANT DESCRIPCION IMPORTE',
              'CANT. DESCRIPCIÓN P.UNIT IMPORTE',
              'DESCRIPCION CANT TOTAL',
              'Art. Uds. Importe',
            ]
          : ['QTY ITEM AMOUNT', 'DESCRIPTION QTY PRICE', 'ITEM PRICE'],
      ),
    );
  for (const x of items) {
    if (x.measure === 'L' || x.measure === 'gal') {
      const per = es ? (x.measure === 'L' ? '€/L' : 'x gal') : x.measure === 'L' ? '/L' : '/G';
      const detail = `${q(x.qty, 2)} ${x.measure} ${r.pick(['x', '@'])} ${n(x.unitPrice)}${r.chance(0.5) ? per : ''}`;
      if (r.chance(0.5)) out.push(x.name, right(detail, n(x.amount)));
      else out.push(right(`${x.name} ${detail}`, n(x.amount)));
      continue;
    }
    const name = `${barcodes ? `${r.int(7_700_000, 7_899_999)}${r.int(100_000, 999_999)} ` : ''}${x.name}${rate}`;
    if (x.measure === 'kg') {
      out.push(name, right(`${q(x.qty, 3)} kg x ${n(x.unitPrice)}/kg`, n(x.amount)));
    } else if (x.qty > 1 && r.chance(0.4)) {
      out.push(`${x.qty} x ${n(x.unitPrice)}`, right(name, n(x.amount)));
    } else if (r.chance(0.5)) {
      out.push(right(`${x.qty} ${name}${r.chance(0.5) ? ` ${n(x.unitPrice)}` : ''}`, n(x.amount)));
    } else out.push(right(`${x.qty > 1 ? `${x.qty} ` : ''}${name}`, n(x.amount)));
  }
  return out;
}

/**
 * Consumer receipts of many kinds and countries: shop tills, supermarkets, fuel stations,
 * restaurants, pharmacies and cafés, under each country's fiscal form (Peruvian and Chilean
 * *boletas*, Argentine *tique factura B*, Mexican *ticket de compra*, Spanish *factura
 * simplificada*, UK VAT receipts…). Thermal-printer layout: narrow, right-aligned amounts.
 */
export function generateReceipt(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const es = locale.lang === 'es';
  const kind = r.pick(RECEIPT_KINDS);
  const fmt = moneyFormat(r, locale);
  const factor = PRICE_FACTOR[locale.country] ?? 1;
  const symbol = r.chance(0.5);
  const money = (v: number) =>
    symbol ? fmt.money(v, r.pick(['prefix', 'prefix-space'])) : fmt.number(v);
  const merchant = merchantName(r, kind, locale, pool);
  const bare = merchant.replace(
    /\s+(S\.A\.C\.|E\.I\.R\.L\.|S\.A\.S\.|S\.R\.L\.|LTDA\.|SpA|S\.A\. DE C\.V\.)$/i,
    '',
  );
  const legalName = `${bare.replace(/^(THE|EL|LA|E\.S\.|EDS) /i, '')} ${legalSuffix(r, locale)}`;
  const fiscal = fiscalParts(r, locale, legalName, pool);
  const items = soldItems(r, kind, locale, fmt.round, factor);
  const total = fmt.round(items.reduce((a, x) => a + x.amount, 0));
  const rate = kind === 'restaurant' && locale.country === 'ES' ? 10 : r.pick(locale.taxRates);
  const width = r.int(30, 44);
  const right = (label: string, value: string) =>
    `${label}${' '.repeat(Math.max(1, width - label.length - value.length))}${value}`;
  const center = (s: string) =>
    r.chance(0.7) ? s.padStart(Math.floor((width + s.length) / 2)) : s;

  const lines: string[] = [center(merchant)];
  const legalFirst = fiscal.legal.filter((l) => l !== legalName || r.chance(0.6));
  for (const l of legalFirst) lines.push(center(l));
  for (const a of address(r, locale).slice(0, r.int(1, 2))) lines.push(center(a));
  if (r.chance(0.3))
    lines.push(center(`Tel. ${r.int(100, 999)} ${r.int(100, 999)} ${r.int(1000, 9999)}`));
  if (fiscal.title) lines.push(...(r.chance(0.5) ? [''] : []), center(fiscal.title));
  const date = randomDate(r);
  const time = `${String(r.int(7, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const dateText = formatDate(r, date, locale, r.pick([0, 1, 2, 4, 9]));
  const dateLine = r.pick([
    `${dateText} ${time}`,
    `${es ? r.pick(['Fecha', 'FECHA', 'F. Emisión']) : r.pick(['Date', 'DATE'])}: ${dateText} ${es ? 'Hora' : 'Time'}: ${time}`,
    `${dateText}   ${time}   ${fiscal.number ?? ''}`.trimEnd(),
  ]);
  if (fiscal.number && !dateLine.includes(fiscal.number)) lines.push(fiscal.number);
  lines.push(dateLine, ...kindDetails(r, kind, locale.lang), ...fiscal.customer);
  lines.push(r.pick(['-', '=', '*', '-'] as const).repeat(width));
  lines.push(...itemLines(r, items, kind, es, locale.country, fmt, right));
  if (r.chance(0.6)) lines.push('-'.repeat(width));
  if (kind === 'supermarket' && r.chance(0.5))
    lines.push(
      `${es ? r.pick(['ARTICULOS', 'Nº artículos', 'Total artículos']) : r.pick(['ITEMS', 'Items sold', 'No. of items'])}: ${items.reduce((a, x) => a + (x.measure ? 1 : x.qty), 0)}`,
    );
  const totals = receiptTotals(r, locale, fiscal.taxDisplay, {
    itemsTotal: total,
    rate,
    fmt,
    money,
    right,
  });
  lines.push(...totals.lines);

  const payOptions = [...PAY[locale.lang]!, ...(PAY[locale.country] ?? [])];
  const [payText, payMethod] = r.pick(payOptions);
  const grand = totals.total;
  if (payMethod === 'cash') {
    const given = Math.ceil(grand / (10 * fmt.scale)) * 10 * fmt.scale;
    lines.push(right(payText, money(given)));
    if (given > grand)
      lines.push(
        right(
          es
            ? r.pick(['CAMBIO', 'Vuelto', 'SU CAMBIO', 'Devolución'])
            : r.pick(['CHANGE', 'Change due']),
          money(fmt.round(given - grand)),
        ),
      );
  } else {
    lines.push(
      r.chance(0.5)
        ? right(payText, money(grand))
        : `${r.pick(es ? ['PAGO CON', 'Forma de pago:', 'Pagado con'] : ['Paid by', 'Tender:', 'PAYMENT'])} ${payText}`,
    );
    if (payMethod === 'card' && r.chance(0.6))
      lines.push(
        r.pick([
          `************${r.int(1000, 9999)}`,
          `XXXX XXXX XXXX ${r.int(1000, 9999)}`,
          `**** ${r.int(1000, 9999)}`,
        ]),
        ...(r.chance(0.4) ? [`${r.pick(['AUTH', 'Aut.', 'AID'])}: ${r.int(100000, 999999)}`] : []),
      );
  }
  lines.push(...totals.after, ...kindFooter(r, kind, locale.lang, money), ...fiscal.footer);
  lines.push(
    center(
      r.pick(
        es
          ? ['GRACIAS POR SU COMPRA', 'Gracias por su visita', 'VUELVA PRONTO', '¡Gracias!', '']
          : ['THANK YOU', 'Thank you for your custom', 'Please come again', 'Have a nice day', ''],
      ),
    ),
  );
  return {
    id,
    docType: 'receipt',
    lang: locale.lang,
    country: locale.country,
    layout: `receipt-${kind}-${fiscal.taxDisplay}`,
    noise: 'clean',
    text: lines.join('\n').trimEnd(),
    fields: {
      merchantName: merchant,
      date,
      total: grand,
      ...(totals.tax !== undefined ? { taxAmount: totals.tax } : {}),
      paymentMethod: payMethod,
    },
  };
}
