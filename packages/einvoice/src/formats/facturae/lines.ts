import type { EInvoiceLine, EInvoiceTax } from '../../model';
import { clean, decimal } from '../../values';
import { all, at, textAt, type XmlElement } from '../../xml';
import { unitCode, vatCategory } from './codes';

/** The output taxes of the invoice or of a line whose rate is the VAT-like one (IVA, IPSI, IGIC). */
const VAT_TYPES: ReadonlySet<string> = new Set(['01', '02', '03']);

/**
 * Items/InvoiceLine. GrossAmount is the line net (TotalCost after the line's discounts and
 * charges); the line's VAT rate is its IVA (or IGIC/IPSI) TaxesOutputs entry.
 */
export function readLines(invoice: XmlElement): EInvoiceLine[] {
  return all(invoice, 'Items/InvoiceLine').map((line) => {
    const taxes = all(line, 'TaxesOutputs/Tax');
    const vat = taxes.find((t) => VAT_TYPES.has(textAt(t, 'TaxTypeCode') ?? '')) ?? taxes[0];
    const rate = decimal(textAt(vat, 'TaxRate'));
    return {
      description: clean(textAt(line, 'ItemDescription')),
      quantity: decimal(textAt(line, 'Quantity')),
      unitCode: unitCode(clean(textAt(line, 'UnitOfMeasure'))),
      unitPrice: decimal(textAt(line, 'UnitPriceWithoutTax')),
      net: decimal(textAt(line, 'GrossAmount')),
      vatRate: rate,
      vatCategory: vatCategory(
        clean(textAt(vat, 'TaxTypeCode')),
        rate,
        clean(textAt(line, 'SpecialTaxableEvent/SpecialTaxableEventCode')),
      ),
    };
  });
}

/**
 * The invoice's TaxesOutputs, one entry per tax and rate. An equivalence surcharge (recargo de
 * equivalencia, charged to retailers on top of IVA) is its own entry, category "RE": TotalTaxOutputs
 * includes it. Its basis is null, for it is the IVA entry's base, which sums of bases count once.
 */
export function readTaxes(invoice: XmlElement): EInvoiceTax[] {
  return all(invoice, 'TaxesOutputs/Tax').flatMap((tax) => {
    const rate = decimal(textAt(tax, 'TaxRate'));
    const basis = amount(at(tax, 'TaxableBase'));
    const entry: EInvoiceTax = {
      rate,
      category: vatCategory(clean(textAt(tax, 'TaxTypeCode')), rate),
      basis,
      amount: amount(at(tax, 'TaxAmount')),
    };
    const surcharge = amount(at(tax, 'EquivalenceSurchargeAmount'));
    if (surcharge === null) return [entry];
    const surchargeRate = decimal(textAt(tax, 'EquivalenceSurcharge'));
    return [entry, { rate: surchargeRate, category: 'RE', basis: null, amount: surcharge }];
  });
}

/** An AmountType: TotalAmount in the invoice currency. */
function amount(el: XmlElement | undefined): number | null {
  return decimal(textAt(el, 'TotalAmount'));
}
