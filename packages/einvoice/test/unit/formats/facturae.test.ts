import { EInvoiceError, parseXml, readEInvoice } from '@docflow/einvoice';
import { readFacturaeInvoices } from '../../../src/formats/facturae';
import {
  FACTURAE_CORRECTIVE_CREDIT,
  facturaeXml,
  FACTURAE_INVOICE_IRPF,
  FACTURAE_MULTI_RATE,
} from '@docflow/fixtures';

describe('Facturae reader', () => {
  it.each(['3.2', '3.2.1', '3.2.2'] as const)(
    'when a Facturae %s invoice is read, then its version is recorded and the invoice mapped',
    (version) => {
      const { invoice } = readEInvoice(facturaeXml([FACTURAE_INVOICE_IRPF], version));

      expect(invoice).toMatchObject({ syntax: 'facturae', version, number: 'A2026-0001' });
    },
  );

  it('when an original invoice with IRPF is read, then parties, lines, taxes, totals and payment are mapped', () => {
    const { invoice } = readEInvoice(facturaeXml([FACTURAE_INVOICE_IRPF]));

    expect(invoice).toMatchObject({
      profile: 'FC',
      typeCode: 'OO',
      docType: 'invoice',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      currency: 'EUR',
    });
    expect(invoice.seller).toEqual({
      name: 'Talleres Meseta S.L.',
      taxId: 'B86561412',
      address: { street: 'Calle Mayor 10', city: 'Madrid', postcode: '28013', country: 'ES' },
    });
    expect(invoice.buyer).toMatchObject({ name: 'Ayuntamiento de Villaverde', taxId: 'P2807900B' });
    expect(invoice.lines).toEqual([
      {
        description: 'Revisión de calderas',
        quantity: 10,
        unitCode: 'HUR',
        unitPrice: 100,
        net: 1000,
        vatRate: 21,
        vatCategory: 'S',
      },
    ]);
    expect(invoice.taxes).toEqual([{ rate: 21, category: 'S', basis: 1000, amount: 210 }]);
    // InvoiceTotal (1060) has the IRPF deducted; the model's total is net + VAT
    expect(invoice.totals).toEqual({
      lineTotal: 1000,
      allowances: null,
      charges: null,
      net: 1000,
      tax: 210,
      total: 1210,
      prepaid: null,
      due: 1060,
      withheld: 150,
    });
    expect(invoice.payment).toEqual({
      terms: null,
      dueDate: '2026-04-01',
      iban: 'ES9121000418450200051332',
      bic: 'CAIXESBBXXX',
      means: '04',
    });
  });

  it('when a corrective invoice (OR) reduces the amount, then it is a credit note with the amounts as written', () => {
    const { invoice } = readEInvoice(facturaeXml([FACTURAE_CORRECTIVE_CREDIT]));

    expect(invoice).toMatchObject({ typeCode: 'OR', docType: 'credit_note', number: 'R2026-0001' });
    expect(invoice.totals).toMatchObject({
      net: -200,
      tax: -42,
      total: -242,
      withheld: -30,
      due: -212,
    });
  });

  it('when a corrective invoice raises the amount, then it stays an invoice', () => {
    const { invoice } = readEInvoice(
      facturaeXml([
        {
          ...FACTURAE_INVOICE_IRPF,
          invoiceClass: 'OR',
          corrective: FACTURAE_CORRECTIVE_CREDIT.corrective!,
        },
      ]),
    );

    expect(invoice).toMatchObject({ typeCode: 'OR', docType: 'invoice' });
  });

  it('when taxes have several rates, a surcharge, a discount and a payment on account, then each is mapped', () => {
    const { invoice } = readEInvoice(facturaeXml([FACTURAE_MULTI_RATE]));

    expect(invoice.number).toBe('0042');
    expect(invoice.taxes).toEqual([
      { rate: 21, category: 'S', basis: 90, amount: 18.9 },
      { rate: 10, category: 'S', basis: 50, amount: 5 },
      { rate: 4, category: 'S', basis: 60, amount: 2.4 },
      { rate: 0.5, category: 'RE', basis: null, amount: 0.3 },
    ]);
    expect(invoice.lines.map((l) => [l.net, l.vatRate, l.unitCode])).toEqual([
      [100, 21, 'C62'],
      [50, 10, null],
      [60, 4, null],
    ]);
    expect(invoice.totals).toEqual({
      lineTotal: 210,
      allowances: 10,
      charges: null,
      net: 200,
      tax: 26.6,
      total: 226.6,
      prepaid: 100,
      due: 126.6,
      withheld: 0,
    });
  });

  it('when the file is a batch, then the registry reads the first invoice and every invoice can be read', () => {
    const xml = facturaeXml([FACTURAE_INVOICE_IRPF, FACTURAE_MULTI_RATE]);

    expect(readEInvoice(xml).invoice.number).toBe('A2026-0001');
    expect(readFacturaeInvoices(parseXml(xml)).map((i) => i.number)).toEqual([
      'A2026-0001',
      '0042',
    ]);
  });

  it.each([
    ['invoice with IRPF', FACTURAE_INVOICE_IRPF],
    ['corrective credit', FACTURAE_CORRECTIVE_CREDIT],
    ['multi-rate invoice', FACTURAE_MULTI_RATE],
  ])('when the generated %s is validated, then EN 16931 finds nothing', (_kind, fixture) => {
    expect(readEInvoice(facturaeXml([fixture])).findings).toEqual([]);
  });

  it('when InvoiceTotal disagrees with the net and taxes, then validation reports BR-CO-15', () => {
    const totals = FACTURAE_INVOICE_IRPF.totals.replace(
      '<InvoiceTotal>1060.00</InvoiceTotal>',
      '<InvoiceTotal>1070.00</InvoiceTotal>',
    );
    const { findings } = readEInvoice(facturaeXml([{ ...FACTURAE_INVOICE_IRPF, totals }]));

    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'BR-CO-15', field: 'totals.total', severity: 'error' }),
    );
  });

  it('when the file has no invoice, then it is refused as unreadable, saying why', () => {
    expect(() => readEInvoice(facturaeXml([]))).toThrow(
      expect.objectContaining({
        code: 'EINVOICE_UNREADABLE',
        message: expect.stringMatching(/no Invoices\/Invoice/),
      }),
    );
  });

  it('when the root is Facturae in an unknown namespace, then no reader claims it', () => {
    const xml = facturaeXml([FACTURAE_INVOICE_IRPF]).replace(
      'http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml',
      'urn:example:not-facturae',
    );

    expect(() => readEInvoice(xml)).toThrow(EInvoiceError);
    expect(() => readEInvoice(xml)).toThrow(
      expect.objectContaining({ code: 'EINVOICE_UNKNOWN_FORMAT' }),
    );
  });
});
