import type { EInvoiceFinding } from '../findings';
import type { EInvoice, EInvoiceSyntax } from '../model';

/** Amounts agree when they differ by at most a cent (EN 16931 rounds each amount to 2 decimals). */
const TOLERANCE = 0.011;
const round2 = (v: number) => Math.round(v * 100) / 100;
const sum = (values: number[]) => round2(values.reduce((a, b) => a + b, 0));
/** Syntaxes that always state the amount due against the total (FatturaPA ImportoPagamento …). */
const DUE_STATED: ReadonlySet<EInvoiceSyntax> = new Set(['fatturapa', 'facturae', 'sri']);
const present = (values: (number | null)[]): number[] | null =>
  values.every((v): v is number => v !== null) ? values : null;

/**
 * EN 16931 calculation rules on the stated amounts; a rule is checked only when every amount it
 * needs is present (MINIMUM and BASIC WL profiles carry no lines). Each breach is an error
 * finding `einvoice.arithmetic` with the rule id; a warning for ZUGFeRD 1.0, which predates
 * EN 16931 (its samples state gross line amounts, or no due amount on corrections).
 */
export function arithmeticFindings(invoice: EInvoice): EInvoiceFinding[] {
  const findings: EInvoiceFinding[] = [];
  const t = invoice.totals;
  const strict = invoice.version !== 'ZUGFeRD 1.0';
  const check = (
    rule: string,
    field: string,
    expected: number | null,
    stated: number | null,
    what: string,
    tolerance = TOLERANCE,
  ) => {
    if (expected === null || stated === null || Math.abs(expected - stated) <= tolerance) return;
    findings.push({
      code: 'einvoice.arithmetic',
      rule,
      severity: strict ? 'error' : 'warning',
      message: `${rule}: ${what} is ${round2(expected)}, the invoice states ${stated}`,
      field,
    });
  };

  const lineNets = present(invoice.lines.map((l) => l.net));
  if (invoice.lines.length > 0 && lineNets) {
    check(
      'BR-CO-10',
      'totals.lineTotal',
      sum(lineNets),
      t.lineTotal,
      'the sum of line net amounts',
    );
  }
  if (t.lineTotal !== null) {
    const net = t.lineTotal - (t.allowances ?? 0) + (t.charges ?? 0);
    check('BR-CO-13', 'totals.net', round2(net), t.net, 'line total − allowances + charges');
  }
  if (t.net !== null && t.tax !== null) {
    check('BR-CO-15', 'totals.total', round2(t.net + t.tax), t.total, 'total without VAT + VAT');
  }
  // checked where a prepaid or withheld amount is stated, and always for the national syntaxes,
  // which state what is due: MINIMUM and BASIC WL profiles state a due amount that differs from
  // the total without saying what was paid. Withholding (ritenuta, IRPF, retenciones) goes to the
  // tax office, not to the seller.
  const withheld = t.withheld ?? null;
  if (
    t.total !== null &&
    (t.prepaid !== null || withheld !== null || DUE_STATED.has(invoice.syntax))
  ) {
    const due = t.total - (t.prepaid ?? 0) - (withheld ?? 0) + (t.rounding ?? 0);
    const what = withheld ? 'total − prepaid − withheld + rounding' : 'total − prepaid + rounding';
    check('BR-CO-16', 'totals.due', round2(due), t.due, what);
  }
  const taxAmounts = present(invoice.taxes.map((x) => x.amount));
  if (invoice.taxes.length > 0 && taxAmounts) {
    check('BR-CO-14', 'totals.tax', sum(taxAmounts), t.tax, 'the sum of VAT per rate');
  }
  const taxBases = present(invoice.taxes.map((x) => x.basis));
  if (invoice.taxes.length > 0 && taxBases) {
    check('BR-CO-18', 'totals.net', sum(taxBases), t.net, 'the sum of taxable amounts per rate');
  }
  invoice.taxes.forEach((tax, i) => {
    if (tax.basis === null || tax.rate === null || tax.amount === null) return;
    check(
      'BR-CO-17',
      `taxes[${i}].amount`,
      round2((tax.basis * tax.rate) / 100),
      tax.amount,
      `VAT at ${tax.rate} % of ${tax.basis}`,
      // the standard's own check allows ±1 here: currencies without cents round to units
      1,
    );
  });
  return findings;
}
