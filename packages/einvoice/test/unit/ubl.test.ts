import { readEInvoice } from '@docflow/einvoice';
import {
  COLOMBIAN_INVOICE,
  GERMAN_INVOICE,
  PERUVIAN_INVOICE,
  dianAttachedDocumentXml,
  ublInvoiceXml,
} from '@docflow/fixtures';

describe('UBL reader', () => {
  it('when a PEPPOL BIS 3 invoice with two rates is read, then every business term comes back', () => {
    const { invoice, findings } = readEInvoice(ublInvoiceXml(GERMAN_INVOICE));
    expect(invoice).toMatchObject({
      syntax: 'ubl',
      profile: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
      version: '2.1',
      typeCode: '380',
      docType: 'invoice',
      number: 'RE-2024-0815',
      issueDate: '2024-07-05',
      dueDate: '2024-08-04',
      currency: 'EUR',
      seller: {
        name: 'Muster Bürobedarf GmbH',
        taxId: 'DE136695976',
        address: { street: 'Hauptstraße 12', city: 'Berlin', postcode: '10115', country: 'DE' },
      },
      buyer: { name: 'Beispiel Handels AG', taxId: 'DE811128135' },
      taxes: [
        { rate: 19, category: 'S', basis: 164.8, amount: 31.31 },
        { rate: 7, category: 'S', basis: 24.8, amount: 1.74 },
      ],
      totals: { lineTotal: 189.6, net: 189.6, tax: 33.05, total: 222.65, prepaid: 0, due: 222.65 },
      payment: {
        terms: 'Zahlbar innerhalb von 30 Tagen ohne Abzug',
        dueDate: '2024-08-04',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        means: '58',
      },
    });
    expect(invoice.lines[1]).toEqual({
      description: 'Toner schwarz',
      quantity: 2,
      unitCode: 'H87',
      unitPrice: 59.9,
      net: 119.8,
      vatRate: 19,
      vatCategory: 'S',
    });
    expect(findings).toEqual([]);
  });

  it('when a CreditNote is read, then it is a credit note with its credited lines', () => {
    const { invoice, findings } = readEInvoice(ublInvoiceXml({ ...GERMAN_INVOICE, credit: true }));
    expect(invoice).toMatchObject({ docType: 'credit_note', typeCode: '381', dueDate: null });
    expect(invoice.lines.map((l) => l.quantity)).toEqual([10, 2, 1]);
    expect(findings).toEqual([]);
  });

  it('when an Invoice root carries type code 381, then it is a credit note too', () => {
    const { invoice } = readEInvoice(ublInvoiceXml({ ...GERMAN_INVOICE, typeCode: '381' }));
    expect(invoice.docType).toBe('credit_note');
  });

  it('when a DIAN invoice comes in its AttachedDocument, then the invoice inside is read', () => {
    const inner = ublInvoiceXml(COLOMBIAN_INVOICE, 'dian');
    const { invoice, findings } = readEInvoice(dianAttachedDocumentXml(inner, 'SETP990000101'));
    expect(invoice).toMatchObject({
      syntax: 'ubl',
      profile: 'DIAN 2.1: Factura Electrónica de Venta',
      version: 'UBL 2.1',
      typeCode: '01',
      docType: 'invoice',
      number: 'SETP990000101',
      currency: 'COP',
      seller: {
        name: 'Distribuidora Andina S.A.S.',
        taxId: '900373115-3',
        address: { city: 'Bogotá', country: 'CO', street: 'Carrera 7 # 71-21' },
      },
      buyer: { name: 'Comercializadora del Valle Ltda.', taxId: '860002964-4' },
      taxes: [
        { rate: 19, category: '01', basis: 370000, amount: 70300 },
        { rate: 5, category: '01', basis: 84000, amount: 4200 },
      ],
      totals: { lineTotal: 454000, tax: 74500, total: 528500, due: 528500 },
    });
    expect(invoice.lines[1]).toMatchObject({
      description: 'Arroz x 5 kg',
      quantity: 4,
      vatRate: 5,
      net: 84000,
    });
    expect(findings).toEqual([]);
  });

  it('when a DIAN credit note (91) is read, then it is a credit note', () => {
    const { invoice } = readEInvoice(ublInvoiceXml({ ...COLOMBIAN_INVOICE, credit: true }, 'dian'));
    expect(invoice).toMatchObject({ typeCode: '91', docType: 'credit_note' });
  });

  it('when a SUNAT factura is read, then RUC, IGV and totals come back', () => {
    const { invoice, findings } = readEInvoice(ublInvoiceXml(PERUVIAN_INVOICE, 'sunat'));
    expect(invoice).toMatchObject({
      syntax: 'ubl',
      typeCode: '01',
      docType: 'invoice',
      number: 'F001-00004711',
      currency: 'PEN',
      seller: {
        name: 'Importaciones del Pacífico S.A.C.',
        taxId: '20601030013',
        address: { city: 'Lima', country: 'PE' },
      },
      buyer: { taxId: '20100070970' },
      taxes: [{ rate: 18, category: 'S', basis: 1536, amount: 276.48 }],
      totals: { net: 1536, tax: 276.48, total: 1812.48, due: 1812.48 },
    });
    expect(findings).toEqual([]);
  });

  it('when an AttachedDocument carries no invoice, then EINVOICE_UNREADABLE', () => {
    const wrapper = dianAttachedDocumentXml('<Other xmlns="urn:x"/>', 'X');
    expect(() => readEInvoice(wrapper)).toThrow(
      expect.objectContaining({ code: 'EINVOICE_UNREADABLE' }),
    );
  });

  it('when the XML is no e-invoice, then EINVOICE_UNKNOWN_FORMAT names the root', () => {
    expect(() => readEInvoice('<note xmlns="urn:x"><to>A</to></note>')).toThrow(
      expect.objectContaining({
        code: 'EINVOICE_UNKNOWN_FORMAT',
        message: expect.stringContaining('<note>'),
      }),
    );
  });
});
