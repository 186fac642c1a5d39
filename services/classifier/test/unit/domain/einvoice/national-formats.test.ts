import {
  FACTURAE_CORRECTIVE_CREDIT,
  FACTURAE_INVOICE_IRPF,
  FACTURAE_MULTI_RATE,
  FATTURAPA_CREDIT_NOTE,
  FATTURAPA_INVOICE,
  FATTURAPA_MULTI_RATE,
  FATTURAPA_WITHHOLDING,
  SRI_FACTURA,
  SRI_MULTI_RATE,
  SRI_NOTA_CREDITO,
  facturaeXml,
  fatturapaXml,
  sriAutorizacionXml,
  sriComprobanteXml,
} from '@docflow/fixtures';
import { loadBaseModel } from '@docflow/model';
import { processEInvoice } from '../../../../src/domain/einvoice/process-einvoice';

const classifier = loadBaseModel();
const options = { confidenceThreshold: 0.6, futureToleranceDays: 3, today: '2026-06-01' };
const decide = (xml: string) => processEInvoice(classifier, '', { xml, container: 'xml' }, options);

describe('processEInvoice on the national formats', () => {
  it.each([
    ['FatturaPA TD01', fatturapaXml([FATTURAPA_INVOICE]), 'invoice', 'TD01'],
    ['FatturaPA TD04', fatturapaXml([FATTURAPA_CREDIT_NOTE]), 'credit_note', 'TD04'],
    ['FatturaPA multi-rate', fatturapaXml([FATTURAPA_MULTI_RATE]), 'invoice', 'TD01'],
    ['Facturae OO with IRPF', facturaeXml([FACTURAE_INVOICE_IRPF]), 'invoice', 'OO'],
    ['Facturae OR credit', facturaeXml([FACTURAE_CORRECTIVE_CREDIT]), 'credit_note', 'OR'],
    ['Facturae multi-rate', facturaeXml([FACTURAE_MULTI_RATE]), 'invoice', 'OO'],
    ['SRI factura', sriAutorizacionXml(sriComprobanteXml(SRI_FACTURA)), 'invoice', '01'],
    ['SRI nota de crédito', sriComprobanteXml(SRI_NOTA_CREDITO), 'credit_note', '04'],
    ['SRI multi-rate', sriComprobanteXml(SRI_MULTI_RATE), 'invoice', '01'],
  ])(
    'when a %s is processed, then its type code decides the type and it is classified without blocking findings',
    (_kind, xml, docType, typeCode) => {
      const result = decide(xml);

      expect(result).toMatchObject({ outcome: 'classified', docType, confidence: 1 });
      expect(result.extraction.fields.documentTypeCode).toEqual({
        value: typeCode,
        confidence: 1,
        method: 'embedded_xml',
      });
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    },
  );

  it('when a FatturaPA carries a ritenuta and a cassa previdenziale, then the amount due is what the seller is paid', () => {
    const result = decide(fatturapaXml([FATTURAPA_WITHHOLDING]));

    expect(result.outcome).toBe('classified');
    const values = Object.fromEntries(
      Object.entries(result.extraction.fields).map(([name, f]) => [name, f.value]),
    );
    expect(values).toMatchObject({
      lineTotal: 1000,
      subtotal: 1040,
      total: 1268.8,
      amountDue: 1068.8,
    });
  });
});
