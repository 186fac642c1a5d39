import { GERMAN_INVOICE, ciiInvoiceXml, facturxPageText, ublInvoiceXml } from '@docflow/fixtures';
import { loadBaseModel } from '@docflow/model';
import { processEInvoice } from '../../../../src/domain/einvoice/process-einvoice';

const classifier = loadBaseModel();
const options = { confidenceThreshold: 0.6, futureToleranceDays: 3, today: '2024-07-10' };

describe('processEInvoice', () => {
  it('when a Factur-X page shows the XML total, then it is classified from the XML with confidence 1', () => {
    const result = processEInvoice(
      classifier,
      facturxPageText(GERMAN_INVOICE),
      { xml: ciiInvoiceXml(GERMAN_INVOICE), container: 'pdf' },
      options,
    );
    expect(result).toMatchObject({
      outcome: 'classified',
      docType: 'invoice',
      confidence: 1,
      modelVersion: 'embedded_xml',
      candidates: [{ docType: 'invoice', probability: 1 }],
    });
    const { fields, tables } = result.extraction;
    expect(fields.total).toEqual({ value: 222.65, confidence: 1, method: 'embedded_xml' });
    expect(
      Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.value])),
    ).toMatchObject({
      invoiceNumber: 'RE-2024-0815',
      documentTypeCode: '380',
      issueDate: '2024-07-05',
      dueDate: '2024-08-04',
      currency: 'EUR',
      sellerName: 'Muster Bürobedarf GmbH',
      sellerTaxId: 'DE136695976',
      sellerCity: 'Berlin',
      buyerName: 'Beispiel Handels AG',
      buyerPostcode: '80331',
      subtotal: 189.6,
      taxAmount: 33.05,
      amountDue: 222.65,
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      paymentTerms: 'Zahlbar innerhalb von 30 Tagen ohne Abzug',
      einvoiceSyntax: 'cii',
      einvoiceProfile: 'urn:cen.eu:en16931:2017',
    });
    expect(tables.taxLines!.map((r) => [r.rate!.value, r.amount!.value])).toEqual([
      [19, 31.31],
      [7, 1.74],
    ]);
    expect(tables.lineItems).toHaveLength(3);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('when the page shows another total than the XML, then embedded_xml.mismatch sends it to review', () => {
    const result = processEInvoice(
      classifier,
      facturxPageText(GERMAN_INVOICE, 2226.5),
      { xml: ciiInvoiceXml(GERMAN_INVOICE), container: 'pdf' },
      options,
    );
    expect(result).toMatchObject({ outcome: 'needs_review', reason: 'validation_failed' });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'embedded_xml.mismatch', severity: 'error', field: 'total' }),
    );
  });

  it('when a UBL credit note is uploaded as XML, then the type code makes it a credit note', () => {
    const result = processEInvoice(
      classifier,
      'CreditNote',
      { xml: ublInvoiceXml({ ...GERMAN_INVOICE, credit: true }), container: 'xml' },
      options,
    );
    expect(result).toMatchObject({ outcome: 'classified', docType: 'credit_note' });
  });

  it('when the XML breaks EN 16931 arithmetic, then the finding carries its rule and blocks', () => {
    const xml = ublInvoiceXml(GERMAN_INVOICE).replace(
      '<cbc:TaxInclusiveAmount currencyID="EUR">222.65',
      '<cbc:TaxInclusiveAmount currencyID="EUR">232.65',
    );
    const result = processEInvoice(classifier, '', { xml, container: 'xml' }, options);
    expect(result.outcome).toBe('needs_review');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'einvoice.arithmetic', rule: 'BR-CO-15' }),
    );
  });

  it('when the XML cannot be read, then the text path decides, with a warning', () => {
    const result = processEInvoice(
      classifier,
      facturxPageText(GERMAN_INVOICE),
      { xml: '<rsm:CrossIndustryInvoice', container: 'pdf' },
      options,
    );
    expect(result.modelVersion).not.toBe('embedded_xml');
    expect(result.findings[0]).toMatchObject({
      code: 'embedded_xml.unreadable',
      severity: 'warning',
    });
  });
});
