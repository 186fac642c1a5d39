import type { EInvoiceLine, EInvoiceTax } from '../../model';
import { clean, decimal } from '../../values';
import { all, textAt, type XmlElement } from '../../xml';
import { vatCategory } from './codes';
import { unitCode } from './units';

/** DettaglioLinee: PrezzoTotale is the line net (line discounts ScontoMaggiorazione applied). */
export function readLines(goods: XmlElement | undefined): EInvoiceLine[] {
  return all(goods, 'DettaglioLinee').map((line) => {
    const rate = decimal(textAt(line, 'AliquotaIVA'));
    return {
      description: clean(textAt(line, 'Descrizione')),
      quantity: decimal(textAt(line, 'Quantita')),
      unitCode: unitCode(clean(textAt(line, 'UnitaMisura'))),
      unitPrice: decimal(textAt(line, 'PrezzoUnitario')),
      net: decimal(textAt(line, 'PrezzoTotale')),
      vatRate: rate,
      vatCategory: vatCategory(rate, clean(textAt(line, 'Natura'))),
    };
  });
}

/** DatiRiepilogo, one per rate and Natura: taxable amount and VAT as the document sums them. */
export function readTaxes(goods: XmlElement | undefined): EInvoiceTax[] {
  return all(goods, 'DatiRiepilogo').map((summary) => {
    const rate = decimal(textAt(summary, 'AliquotaIVA'));
    return {
      rate,
      category: vatCategory(rate, clean(textAt(summary, 'Natura'))),
      basis: decimal(textAt(summary, 'ImponibileImporto')),
      amount: decimal(textAt(summary, 'Imposta')),
    };
  });
}
