import { structuralEvidence } from '../../../../src/domain/classify/structural-evidence';
import { prepareText } from '../../../../src/domain/extract/document-text';

const evidenceOf = (lines: string[]) => structuralEvidence(prepareText(lines.join('\n'), 'de'));

describe('structural evidence for the document type', () => {
  test('when a page is headed Rechnung and carries a labelled total and a VAT id, then it is strong evidence of an invoice', () => {
    const evidence = evidenceOf([
      'Kaiser Bürotechnik GmbH',
      'USt-IdNr.: DE136695976',
      '',
      'RECHNUNG',
      'Rechnungsnummer: RE-2024-0311',
      '',
      'Nettobetrag      1.234,56 EUR',
      'MwSt. 19 %         234,57 EUR',
      'Gesamtbetrag     1.469,13 EUR',
    ]);
    expect(evidence).toEqual({
      docType: 'invoice',
      strength: 0.9,
      reasons: ['title "RECHNUNG"', 'a labelled total', 'a tax id'],
    });
  });

  test('when a page is only headed Facture, then the evidence is weak', () => {
    const evidence = evidenceOf(['Facture FA-2024-0187', 'Merci de votre confiance.']);
    expect(evidence?.docType).toBe('invoice');
    expect(evidence?.strength).toBe(0.55);
  });

  test('when a page is headed Kontoauszug with an IBAN and dated movements, then it is evidence of a statement', () => {
    const evidence = evidenceOf([
      'Kontoauszug',
      'IBAN: DE89 3704 0044 0532 0130 00',
      '02.04.2024   Miete April            -850,00',
      '05.04.2024   Gehalt                2.450,00',
      '09.04.2024   Supermarkt              -64,20',
    ]);
    expect(evidence).toMatchObject({ docType: 'bank_statement', strength: 0.9 });
  });

  test('when a page titled TAX INVOICE has cash and change lines, then it is evidence of a receipt', () => {
    const evidence = structuralEvidence(
      prepareText(
        [
          'KEDAI RUNCIT MAJU',
          'TAX INVOICE',
          'MILO 1KG            1     17.90',
          'TOTAL INCL GST            17.90',
          'CASH                      20.00',
          'CHANGE                     2.10',
        ].join('\n'),
        'en',
      ),
    );
    expect(evidence).toMatchObject({ docType: 'receipt', strength: 0.9 });
    expect(evidence?.reasons).toContain('till lines');
  });

  test('when a page titled Rechnung has a Rückgeld line, then it is evidence of a receipt', () => {
    const evidence = evidenceOf([
      'Gasthaus Adler',
      'Rechnung Nr. 118',
      'Summe 23,40 EUR',
      'Gegeben 30,00',
      'Rückgeld 6,60',
    ]);
    expect(evidence?.docType).toBe('receipt');
  });

  test('when a page is headed Angebot (a quote), then the evidence names other', () => {
    expect(evidenceOf(['Angebot Nr. 2024-17', 'Gesamtbetrag 1.000,00 EUR'])?.docType).toBe('other');
  });

  test('when no cell in the head of the page is a title, then there is no evidence', () => {
    expect(
      evidenceOf([
        'Date        Vendor            Invoice        Amount',
        '02.04.2024  Kaiser GmbH       RE-2024-0311   1.469,13',
        'Total                                        1.469,13',
      ]),
    ).toBeUndefined();
  });

  test('when the title sits below the head of the first page, then it is not read', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Zeile ${i + 1} des Anschreibens`);
    expect(evidenceOf([...filler, 'RECHNUNG', 'Gesamtbetrag 10,00 EUR'])).toBeUndefined();
  });
});
