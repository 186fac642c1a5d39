import { FATTURAPA_CREDIT_NOTE, FATTURAPA_MULTI_RATE, fatturapaXml } from '@docflow/fixtures';
import { readFatturapa } from '../../../src/evaluation/fatturapa-truth';

describe('readFatturapa (the reference reading of FatturaPA)', () => {
  it('when a multi-rate FatturaPA is read, then its fields are the first body’s, with net and VAT summed over DatiRiepilogo', () => {
    expect(readFatturapa(fatturapaXml([FATTURAPA_MULTI_RATE, FATTURAPA_CREDIT_NOTE]))).toEqual({
      docType: 'invoice',
      fields: {
        invoiceNumber: '2026/118',
        issueDate: '2026-03-15',
        sellerName: 'Officine Adriatiche S.r.l.',
        buyerName: 'Mario Rossi',
        subtotal: 240,
        taxAmount: 31.2,
        total: 271.2,
        currency: 'EUR',
      },
    });
  });

  it('when the document is a TD04, then it is a credit note', () => {
    expect(readFatturapa(fatturapaXml([FATTURAPA_CREDIT_NOTE])).docType).toBe('credit_note');
  });

  it('when the XML is no FatturaPA, then it throws', () => {
    expect(() => readFatturapa('<Invoice xmlns="urn:x"/>')).toThrow(/not a FatturaPA/);
  });
});
