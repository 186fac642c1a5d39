import type { EInvoicePayment, EInvoiceTotals } from '../../model';
import { clean, decimal, isoDate } from '../../values';
import { all, at, textAt, type XmlElement } from '../../xml';
import { roundAmount, sumAmounts } from '../sum-amounts';

/**
 * InvoiceTotals. Facturae's InvoiceTotal already deducts the taxes withheld (IRPF):
 * TotalGrossAmountBeforeTaxes + TotalTaxOutputs − TotalTaxesWithheld. The model's total is the
 * EN 16931 one (net + VAT), so it is InvoiceTotal + TotalTaxesWithheld, and the withheld taxes
 * and AmountsWithheld (a guarantee retention) are `withheld`. Payments on account and subsidies
 * are `prepaid`; the amount due is TotalExecutableAmount. Reimbursable and financial expenses
 * (outside the tax base) have no place in the model: where present, due exceeds
 * total − prepaid − withheld by them.
 */
export function readTotals(invoice: XmlElement): EInvoiceTotals {
  const totals = at(invoice, 'InvoiceTotals');
  const amount = (name: string) => decimal(textAt(totals, name));
  const taxesWithheld = amount('TotalTaxesWithheld');
  const invoiceTotal = amount('InvoiceTotal');
  const subsidies = all(totals, 'Subsidies/Subsidy').map((s) =>
    decimal(textAt(s, 'SubsidyAmount')),
  );
  return {
    lineTotal: amount('TotalGrossAmount'),
    allowances: amount('TotalGeneralDiscounts'),
    charges: amount('TotalGeneralSurcharges'),
    net: amount('TotalGrossAmountBeforeTaxes'),
    tax: amount('TotalTaxOutputs'),
    total: invoiceTotal === null ? null : roundAmount(invoiceTotal + (taxesWithheld ?? 0)),
    prepaid: sumAmounts([amount('TotalPaymentsOnAccount'), ...subsidies]),
    due: amount('TotalExecutableAmount'),
    withheld: sumAmounts([
      taxesWithheld,
      decimal(textAt(totals, 'AmountsWithheld/WithholdingAmount')),
    ]),
  };
}

/**
 * PaymentDetails: the first instalment's due date, means (Facturae code: 01 cash, 02 direct
 * debit, 04 transfer, …) and account to be credited; the terms say how many instalments there are
 * when there are several.
 */
export function readPayment(invoice: XmlElement): EInvoicePayment {
  const instalments = all(invoice, 'PaymentDetails/Installment');
  const first = instalments[0];
  const account = at(first, 'AccountToBeCredited');
  const iban = clean(textAt(account, 'IBAN')) ?? clean(textAt(account, 'AccountNumber'));
  return {
    terms: instalments.length > 1 ? `${instalments.length} instalments` : null,
    dueDate: isoDate(textAt(first, 'InstallmentDueDate')),
    iban: iban?.replace(/\s/g, '') ?? null,
    bic: clean(textAt(account, 'BIC')),
    means: clean(textAt(first, 'PaymentMeans')),
  };
}
