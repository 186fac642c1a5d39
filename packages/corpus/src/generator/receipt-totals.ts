import { formatNumber, type Locale, type MoneyFormat } from './locales';
import { spanishAmountWords } from './number-words';
import type { Random } from './random';
import type { TaxDisplay } from './receipt-fiscal';

export interface TotalsInput {
  /** Sum of the items. */
  itemsTotal: number;
  rate: number;
  fmt: MoneyFormat;
  money: (v: number) => string;
  right: (label: string, value: string) => string;
}

export interface ReceiptTotals {
  lines: string[];
  /** Lines printed after the payment (tax notes of included-tax countries). */
  after: string[];
  total: number;
  tax?: number;
}

const TOTAL = {
  en: ['TOTAL', 'Total', 'TOTAL DUE', 'BALANCE DUE', 'Amount Due', 'Sale Total', 'TOTAL TO PAY'],
  es: [
    'TOTAL',
    'Total',
    'TOTAL A PAGAR',
    'IMPORTE TOTAL',
    'TOTAL COMPRA',
    'T O T A L',
    'Total venta',
  ],
};
const SUBTOTAL = {
  en: ['Subtotal', 'SUBTOTAL', 'Sub Total', 'Net'],
  es: ['SUBTOTAL', 'Subtotal', 'Base imponible', 'BASE', 'Valor neto'],
};

/**
 * The totals block in the country's way: sales tax on top (US), net + tax + total, total with the
 * tax it contains (`El IVA de esta boleta es`, `IVA Contenido`, `VAT included`), a tax table
 * (`Base Imp. 21% … Cuota …`, `VAT RATE NET VAT`), or the Peruvian `OP. GRAVADA / I.G.V. /
 * IMPORTE TOTAL`.
 */
export function receiptTotals(
  r: Random,
  locale: Locale,
  display: TaxDisplay,
  input: TotalsInput,
): ReceiptTotals {
  const { fmt, money, right, rate } = input;
  const es = locale.lang === 'es';
  const rateText = formatNumber(rate, fmt.style, Number.isInteger(rate) ? 0 : 2);
  const totalLabel = () => {
    const label = r.pick(TOTAL[locale.lang]);
    return r.chance(0.15) && label === 'TOTAL' ? `TOTAL ${locale.currency}` : label;
  };
  if (locale.country === 'US') {
    const sub = input.itemsTotal;
    const tax = fmt.round((sub * rate) / 100);
    const total = fmt.round(sub + tax);
    const taxLabel = r.pick(['Sales Tax', 'TAX', `Tax ${rateText}%`, `Sales Tax ${rateText}%`]);
    return {
      lines: [
        right(r.pick(SUBTOTAL.en), money(sub)),
        right(taxLabel, money(tax)),
        right(totalLabel(), money(total)),
      ],
      after: [],
      total,
      tax,
    };
  }
  const total = input.itemsTotal;
  const net = fmt.round(total / (1 + rate / 100));
  const tax = fmt.round(total - net);
  const taxName = locale.taxName;
  switch (display) {
    case 'pe':
      return {
        lines: [
          right(
            r.pick(['OP. GRAVADA', 'OP. GRAVADAS', 'Op. Gravada', 'OPERACION GRAVADA']),
            money(net),
          ),
          ...(r.chance(0.4)
            ? [right('OP. EXONERADA', money(0)), right('OP. INAFECTA', money(0))]
            : []),
          right(r.pick(['I.G.V. 18%', 'IGV 18%', 'IGV (18%)', 'I.G.V.']), money(tax)),
          right(
            r.pick(['IMPORTE TOTAL', 'TOTAL A PAGAR', 'TOTAL', 'IMPORTE TOTAL S/']),
            money(total),
          ),
        ],
        after: r.chance(0.6) ? [`SON: ${spanishAmountWords(total)} SOLES`] : [],
        total,
        tax,
      };
    case 'itemised':
      return {
        lines: [
          right(r.pick(SUBTOTAL[locale.lang]), money(net)),
          right(
            r.pick([`${taxName} ${rateText}%`, taxName, `${taxName} (${rateText}%)`]),
            money(tax),
          ),
          right(totalLabel(), money(total)),
        ],
        after: [],
        total,
        tax,
      };
    case 'included': {
      const shown = r.chance(0.85);
      const note: Record<string, string[]> = {
        CL: ['El IVA de esta boleta es:', 'IVA incluido en el total:', 'Monto IVA (19%):'],
        AR: ['IVA Contenido', 'IVA contenido en el precio', 'I.V.A. incluido'],
        MX: ['IVA incluido', 'I.V.A. 16% incluido', 'Impuestos incluidos IVA'],
        ES: [`IVA ${rateText}% incluido`, `Incluye IVA ${rateText}%`, 'Cuota IVA incluida'],
      };
      const label = r.pick(
        note[locale.country] ??
          (es
            ? [`${taxName} incluido`]
            : [
                `${taxName} included`,
                `Incl. ${taxName} ${rateText}%`,
                `${taxName} @ ${rateText}% incl.`,
              ]),
      );
      return {
        lines: [right(totalLabel(), money(total))],
        after: shown
          ? [right(label, money(tax))]
          : [es ? `${taxName} INCLUIDO` : `Prices include ${taxName}`],
        total,
        ...(shown ? { tax } : {}),
      };
    }
    default: {
      const n = fmt.number;
      const table = es
        ? r.pick([
            [`Base Imp. ${rateText}% ${n(net)}  Cuota ${n(tax)}`],
            ['BASE      %IVA     CUOTA', `${n(net)}    ${rateText}    ${n(tax)}`],
            [`  Base ${n(net)}   ${taxName} ${rateText}%  ${n(tax)}`],
            [`${taxName} ${rateText}%  B.I. ${n(net)}  Cuota ${n(tax)}`],
          ])
        : r.pick([
            [`${taxName} RATE   NET    ${taxName}`, `${rateText}.00%   ${n(net)}   ${n(tax)}`],
            [`${taxName} @ ${rateText}%   ${n(tax)}`, `Net ${n(net)}`],
            [`Net ${n(net)}  ${taxName} ${rateText}%  ${n(tax)}`],
          ]);
      const totalLine = right(totalLabel(), money(total));
      return r.chance(es ? 0.7 : 0.3)
        ? { lines: [totalLine, ...table], after: [], total, tax }
        : { lines: [totalLine], after: table, total, tax };
    }
  }
}
