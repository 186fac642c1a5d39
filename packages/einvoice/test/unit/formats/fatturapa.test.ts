import { EInvoiceError, parseXml, readEInvoice } from '@docflow/einvoice';
import { readFatturapaInvoices } from '../../../src/formats/fatturapa';
import {
  FATTURAPA_CREDIT_NOTE,
  fatturapaXml,
  FATTURAPA_INVOICE,
  FATTURAPA_MULTI_RATE,
  FATTURAPA_WITHHOLDING,
} from '@docflow/fixtures';

function refusal(xml: string): EInvoiceError {
  try {
    readEInvoice(xml);
  } catch (err) {
    if (err instanceof EInvoiceError) return err;
    throw err;
  }
  throw new Error('readEInvoice accepted the document');
}

describe('FatturaPA reader', () => {
  it('when a TD01 invoice is read, then header, parties, lines, taxes, totals and payment are mapped', () => {
    const { invoice } = readEInvoice(fatturapaXml([FATTURAPA_INVOICE]));

    expect(invoice).toMatchObject({
      syntax: 'fatturapa',
      profile: 'FPR12',
      version: '1.2',
      typeCode: 'TD01',
      docType: 'invoice',
      number: 'FPR 17/26',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      currency: 'EUR',
    });
    expect(invoice.seller).toEqual({
      name: 'Officine Adriatiche S.r.l.',
      taxId: 'IT04658130424',
      address: { street: 'Via del Porto 12', city: 'Ancona', postcode: '60121', country: 'IT' },
    });
    expect(invoice.buyer).toMatchObject({ name: 'Mario Rossi', taxId: 'RSSMRA85T10A562S' });
    expect(invoice.lines[0]).toEqual({
      description: 'Manutenzione impianto',
      quantity: 2,
      unitCode: 'HUR',
      unitPrice: 50,
      net: 100,
      vatRate: 22,
      vatCategory: 'S',
    });
    expect(invoice.taxes).toEqual([{ rate: 22, category: 'S', basis: 150, amount: 33 }]);
    expect(invoice.totals).toMatchObject({
      net: 150,
      tax: 33,
      total: 183,
      due: 183,
      withheld: null,
    });
    expect(invoice.payment).toEqual({
      terms: 'TP02 pagamento completo, 30 giorni',
      dueDate: '2026-04-01',
      iban: 'IT60X0542811101000000123456',
      bic: 'BPMOIT22XXX',
      means: 'MP05',
    });
  });

  it('when the file uses the first FatturaPA 1.2 namespace, then it is read as FatturaPA too', () => {
    const xml = fatturapaXml([FATTURAPA_INVOICE]).replace(
      'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2',
      'http://www.fatturapa.gov.it/sdi/fatturapa/v1.2',
    );

    expect(readEInvoice(xml).invoice).toMatchObject({ syntax: 'fatturapa', number: 'FPR 17/26' });
  });

  it('when the document is a TD04 nota di credito, then it is a credit note with its amounts as written', () => {
    const { invoice } = readEInvoice(fatturapaXml([FATTURAPA_CREDIT_NOTE]));

    expect(invoice).toMatchObject({ typeCode: 'TD04', docType: 'credit_note', number: 'NC 3/26' });
    expect(invoice.totals).toMatchObject({ net: 50, tax: 11, total: 61, due: 61 });
  });

  it('when lines carry several rates and a Natura, then each DatiRiepilogo is a tax entry and instalments add up to the due amount', () => {
    const { invoice } = readEInvoice(fatturapaXml([FATTURAPA_MULTI_RATE], 'FPA12'));

    expect(invoice.profile).toBe('FPA12');
    expect(invoice.taxes).toEqual([
      { rate: 22, category: 'S', basis: 100, amount: 22 },
      { rate: 10, category: 'S', basis: 80, amount: 8 },
      { rate: 4, category: 'S', basis: 30, amount: 1.2 },
      { rate: 0, category: 'E', basis: 30, amount: 0 },
    ]);
    expect(invoice.lines.map((l) => [l.vatRate, l.vatCategory])).toEqual([
      [22, 'S'],
      [10, 'S'],
      [4, 'S'],
      [0, 'E'],
    ]);
    expect(invoice.totals).toMatchObject({ net: 240, tax: 31.2, total: 271.2, due: 271.2 });
    expect(invoice.payment).toMatchObject({
      terms: 'TP01 pagamento a rate',
      dueDate: '2026-04-15',
      iban: 'IT60X0542811101000000123456',
    });
  });

  it('when a ritenuta is withheld, then it is withheld and not due; the cassa is a charge and the bollo changes nothing', () => {
    const { invoice } = readEInvoice(fatturapaXml([FATTURAPA_WITHHOLDING]));

    expect(invoice.totals).toMatchObject({
      charges: 40,
      net: 1040,
      tax: 228.8,
      total: 1268.8,
      withheld: 200,
      due: 1068.8,
    });
  });

  it('when the file is a lotto of several bodies, then the registry reads the first and every body can be read', () => {
    const xml = fatturapaXml([FATTURAPA_INVOICE, FATTURAPA_CREDIT_NOTE]);

    expect(readEInvoice(xml).invoice.number).toBe('FPR 17/26');
    expect(readFatturapaInvoices(parseXml(xml)).map((i) => [i.number, i.docType])).toEqual([
      ['FPR 17/26', 'invoice'],
      ['NC 3/26', 'credit_note'],
    ]);
  });

  it('when ImportoTotaleDocumento and DatiPagamento are absent, then the total is net + VAT and all of it is due', () => {
    const { total: _total, payment: _payment, ...bare } = FATTURAPA_INVOICE;
    const { invoice } = readEInvoice(fatturapaXml([bare]));

    expect(invoice.totals).toMatchObject({ total: 183, due: 183 });
    expect(invoice.payment).toEqual({
      terms: null,
      dueDate: null,
      iban: null,
      bic: null,
      means: null,
    });
  });

  it.each([
    ['invoice', FATTURAPA_INVOICE],
    ['credit note', FATTURAPA_CREDIT_NOTE],
    ['multi-rate invoice', FATTURAPA_MULTI_RATE],
    ['invoice with ritenuta', FATTURAPA_WITHHOLDING],
  ])('when the generated %s is validated, then EN 16931 finds nothing', (_kind, body) => {
    expect(readEInvoice(fatturapaXml([body])).findings).toEqual([]);
  });

  it('when DatiRiepilogo disagrees with the lines, then validation reports the net and total it breaks', () => {
    const summaries = [{ rate: '22.00', base: '160.00', tax: '35.20' }];
    const { findings } = readEInvoice(fatturapaXml([{ ...FATTURAPA_INVOICE, summaries }]));

    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'BR-CO-13', field: 'totals.net', severity: 'error' }),
        expect.objectContaining({ rule: 'BR-CO-15', field: 'totals.total', severity: 'error' }),
      ]),
    );
  });

  it('when the file has no FatturaElettronicaBody, then it is refused as unreadable, saying why', () => {
    const err = refusal(fatturapaXml([]));

    expect(err.code).toBe('EINVOICE_UNREADABLE');
    expect(err.message).toMatch(/no FatturaElettronicaBody/);
  });

  it('when the file is truncated (no closing root tag), then it is refused as malformed with the position', () => {
    const xml = fatturapaXml([FATTURAPA_INVOICE]).replace(/<\/p:FatturaElettronica>\s*$/, '');
    const err = refusal(xml);

    expect(err.code).toBe('XML_MALFORMED');
    expect(err.message).toMatch(/FatturaElettronica/);
  });

  it('when an amount is not a number, then the field is null for validation to report, not a guess', () => {
    const xml = fatturapaXml([{ ...FATTURAPA_INVOICE, total: '183,00' }]);

    expect(readEInvoice(xml).invoice.totals.total).toBeNull();
  });
});
