import type { EInvoiceLine, EInvoicePayment, EInvoiceTax, EInvoiceTotals } from '../../model';
import { clean, decimal, isoDate } from '../../values';
import { all, at, textAt, type XmlElement } from '../../xml';
import { roundAmount, sumAmounts } from '../sum-amounts';
import { paymentTerms } from './codes';

/**
 * The totals of one FatturaElettronicaBody. FatturaPA states no line, net or VAT total: they are
 * the sums of the lines' PrezzoTotale and of DatiRiepilogo. The grand total is ImportoTotaleDocumento (VAT included, ritenuta not
 * deducted), or net + VAT where the optional element is absent (an unreadable one stays null). The ritenuta (withholding tax,
 * DatiRitenuta) is paid by the buyer to the tax office, so it is `withheld`, not due. The amount
 * due is what DatiPagamento asks for: all instalments (TP01) or the first detail (TP02/TP03,
 * where several details are alternative ways to pay the same amount); without DatiPagamento it is
 * total − ritenuta. The bollo (DatiBollo, stamp duty) changes nothing: the seller pays it, and
 * when it is recharged to the buyer it is a line (Natura N1) already in net and total. The cassa
 * previdenziale contribution (DatiCassaPrevidenziale) is taxable and in ImponibileImporto, so it
 * is a document-level charge.
 */
export function readTotals(
  body: XmlElement,
  lines: EInvoiceLine[],
  taxes: EInvoiceTax[],
): EInvoiceTotals {
  const general = at(body, 'DatiGenerali/DatiGeneraliDocumento');
  const net = sumAmounts(taxes.map((t) => t.basis));
  const tax = sumAmounts(taxes.map((t) => t.amount));
  const stated = textAt(general, 'ImportoTotaleDocumento');
  const total =
    stated !== null
      ? decimal(stated)
      : net !== null && tax !== null
        ? roundAmount(net + tax)
        : null;
  const withheld = sumAmounts(
    all(general, 'DatiRitenuta').map((r) => decimal(textAt(r, 'ImportoRitenuta'))),
  );
  const charges = sumAmounts(
    all(general, 'DatiCassaPrevidenziale').map((c) => decimal(textAt(c, 'ImportoContributoCassa'))),
  );
  return {
    lineTotal: sumAmounts(lines.map((l) => l.net)),
    allowances: null,
    charges,
    net,
    tax,
    total,
    prepaid: null,
    due: amountDue(at(body, 'DatiPagamento')) ?? deduct(total, withheld),
    withheld,
  };
}

function amountDue(payment: XmlElement | undefined): number | null {
  const details = all(payment, 'DettaglioPagamento');
  if (details.length === 0) return null;
  const amounts = details.map((d) => decimal(textAt(d, 'ImportoPagamento')));
  return textAt(payment, 'CondizioniPagamento') === 'TP01' ? sumAmounts(amounts) : amounts[0]!;
}

function deduct(total: number | null, withheld: number | null): number | null {
  return total === null ? null : roundAmount(total - (withheld ?? 0));
}

/** The first DatiPagamento: its terms, first detail's means and due date, first IBAN given. */
export function readPayment(body: XmlElement): EInvoicePayment {
  const payment = at(body, 'DatiPagamento');
  const first = at(payment, 'DettaglioPagamento');
  const bank = all(payment, 'DettaglioPagamento').find((d) => textAt(d, 'IBAN') !== null);
  return {
    terms: paymentTerms(
      clean(textAt(payment, 'CondizioniPagamento')),
      clean(textAt(first, 'GiorniTerminiPagamento')),
    ),
    dueDate: isoDate(textAt(first, 'DataScadenzaPagamento')),
    iban: clean(textAt(bank, 'IBAN'))?.replace(/\s/g, '') ?? null,
    bic: clean(textAt(bank, 'BIC')),
    means: clean(textAt(first, 'ModalitaPagamento')),
  };
}
