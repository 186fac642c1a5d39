import type { ExtractedField } from '@docflow/contracts';
import { invoiceFields } from '../../../src/domain/invoice-record';

const x = (value: ExtractedField['value']): ExtractedField => ({
  value,
  confidence: 1,
  method: 'embedded_xml',
});
const t = (value: ExtractedField['value']): ExtractedField => ({ value, confidence: 0.9 });

describe('invoiceFields', () => {
  it('when the fields come from an e-invoice, then addresses, amount due, payment and source are kept', () => {
    const record = invoiceFields(
      {
        invoiceNumber: x('RE-1'),
        sellerName: x('Muster GmbH'),
        sellerTaxId: x('DE136695976'),
        sellerStreet: x('Hauptstraße 12'),
        sellerCity: x('Berlin'),
        sellerPostcode: x('10115'),
        sellerCountry: x('DE'),
        total: x(53.55),
        amountDue: x(53.55),
        paymentTerms: x('30 Tage'),
        iban: x('DE89 3704 0044 0532 0130 00'),
        bic: x('COBADEFFXXX'),
        einvoiceSyntax: x('cii'),
        einvoiceProfile: x('urn:cen.eu:en16931:2017'),
      },
      {
        lineItems: [
          {
            description: x('Papier'),
            quantity: x(10),
            unitCode: x('H87'),
            unitPrice: x(4.5125),
            amount: x(45.13),
            vatRate: x(19),
          },
        ],
        taxLines: [{ rate: x(19), category: x('S'), basis: x(45.13), amount: x(8.57) }],
      },
    );
    expect(record).toMatchObject({
      seller: {
        name: 'Muster GmbH',
        address: { street: 'Hauptstraße 12', city: 'Berlin', postcode: '10115', country: 'DE' },
      },
      buyer: { name: null, taxId: null, address: null },
      amountDue: 53.55,
      paymentTerms: '30 Tage',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      lineItems: [{ unitCode: 'H87', unitPrice: 4.5125, vatRate: 19, amount: 45.13 }],
      taxLines: [{ rate: 19, category: 'S', basis: 45.13, amount: 8.57 }],
      source: { method: 'embedded_xml', syntax: 'cii', profile: 'urn:cen.eu:en16931:2017' },
    });
  });

  it('when the fields come from the text, then the new fields are null and the source says text', () => {
    const record = invoiceFields({ total: t(10) }, {});
    expect(record).toMatchObject({
      total: 10,
      amountDue: null,
      iban: null,
      seller: { address: null },
      source: { method: 'text', syntax: null, profile: null },
    });
  });
});
