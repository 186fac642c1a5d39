import { findTitle } from '../../../../src/domain/classify/title-words';
import { prepareText } from '../../../../src/domain/extract/document-text';
import { extractFields } from '../../../../src/domain/extract/extract-fields';
import { isSplitLabel, returnAddress } from '../../../../src/domain/extract/party-block';
import { findLabels } from '../../../../src/domain/extract/label-values';
import { titleFields } from '../../../../src/domain/extract/title-line';

const values = (fields: Record<string, { value: unknown }>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));

// an e-invoice viewer's rendering: title with number and date, parties as labelled blocks whose
// first lines are `key : value`, a tax table, per-line VAT cells and a prepayment
const VIEWER = [
  'Handelsrechnung Nr. 5520-A vom 14.02.2023',
  '',
  'Währung              : EUR',
  '',
  'Verkäufer:',
  'Nummer         : 77812',
  'Globale Nummer: 4001234500016 (GTIN)',
  'Kranbau Nord GmbH',
  'Hafenweg 3',
  'DE 24103 Kiel',
  'USt.-Id.-Nr. : DE811569869',
  '',
  'Käufer/Leistungsempfänger:',
  'Nummer        : K-100',
  'Hotel Seeblick OHG',
  'Strandallee 9',
  'DE 23570 Travemünde',
  '',
  'Pos   Beschreibung        Nettopreis   Menge    Steuer          Entgelt',
  ' 1    Wartung Kran          400,00     1 Stk    19 % VAT (S)     400,00',
  ' 2    Ersatzteile           100,00     1 Stk    19 % VAT (S)     100,00',
  '',
  'Belegsummen:',
  '                      Rechnungssumme ohne USt.            500,00',
  '                      Steuerbetrag                         95,00',
  '                      Bruttosumme                         595,00',
  '                      Erhaltene Anzahlungen              -100,00',
  '                      Zahlbetrag                          495,00',
].join('\n');

describe('invoice layouts read from the page', () => {
  test('when a title carries the number and date, then they are the invoice number and issue date', () => {
    const doc = prepareText(VIEWER, 'de');
    const title = titleFields(doc);
    expect(title.number?.value).toBe('5520-A');
    expect(title.date?.value).toBe('2023-02-14');
  });

  test('when the date of a title is on the next line (`… Nr. 4711 vom` / `05.03.2018`), then it is read there', () => {
    const doc = prepareText(
      'Gutschrift (Selbst ausgestellte Rechnung) Nr. 4711 vom\n05.03.2018\n',
      'de',
    );
    expect(titleFields(doc)).toMatchObject({
      number: { value: '4711' },
      date: { value: '2018-03-05' },
    });
  });

  test('when parties are labelled blocks opening with key : value lines, then the names under them are read', () => {
    const f = values(extractFields('invoice', VIEWER, 'de').fields);
    expect(f).toMatchObject({
      invoiceNumber: '5520-A',
      issueDate: '2023-02-14',
      sellerName: 'Kranbau Nord GmbH',
      buyerName: 'Hotel Seeblick OHG',
    });
  });

  test('when line items carry `19 % VAT (S)` cells and a prepayment is deducted, then subtotal + tax = gross total are chosen', () => {
    const e = extractFields('invoice', VIEWER, 'de');
    expect(values(e.fields)).toMatchObject({ subtotal: 500, taxAmount: 95, total: 595 });
    expect(e.fields.total!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  test('when subtotal equals total and the only tax line reads 0, then the tax is 0 and the total closes', () => {
    const text = [
      'RECHNUNG Nr. 88',
      'Lieferant:  Alpha GmbH',
      '                 Nettobetrag          2.000,00',
      '                 USt. 0 %                 0,00',
      '                 Gesamtbetrag         2.000,00',
    ].join('\n');
    const e = extractFields('invoice', text, 'de');
    expect(values(e.fields)).toMatchObject({ subtotal: 2000, taxAmount: 0, total: 2000 });
  });

  test('when a credit note prints negative amounts, then they are kept as positive magnitudes', () => {
    const text = [
      'Avoir AV-2024-0003',
      '                                    Total HT     -100,00 €',
      '                                    TVA 20 %      -20,00 €',
      '                                    Total TTC    -120,00 €',
    ].join('\n');
    const f = values(extractFields('credit_note', text, 'fr').fields);
    expect(f).toMatchObject({ subtotal: 100, taxAmount: 20, total: 120 });
  });

  test('when a window envelope shows the sender on a return-address line, then sender and addressee are the parties', () => {
    const text = [
      '',
      '     Zweirad Holm KG   ●   Ringstr. 4   ●   45127 Essen',
      '',
      '     Frau',
      '     Petra Lange',
      '     Birkenweg 7',
      '     44135 Dortmund',
    ].join('\n');
    const found = returnAddress(prepareText(text, 'de'));
    expect(found?.seller?.value).toBe('Zweirad Holm KG');
    expect(found?.buyer?.value).toBe('Frau Petra Lange');
  });

  test('when the text layer splits a party label (`Ver käufer :`), then it is the seller label, not the buyer one', () => {
    const doc = prepareText('Ver käufer :\nLiefer ant GmbH\n\nKäufer :\nHotel Möwe AG\n', 'de');
    const buyerHits = findLabels(doc, 'buyer');
    expect(buyerHits.map((h) => isSplitLabel(h, 'seller'))).toEqual([true, false]);
    const f = values(extractFields('invoice', doc.text, 'de').fields);
    expect(f).toMatchObject({ sellerName: 'Liefer ant GmbH', buyerName: 'Hotel Möwe AG' });
  });

  test('when a name runs over two lines ending in its legal form, then both lines are the name', () => {
    const text = [
      'Rechnungsempfänger',
      'Nordsee Versicherung',
      'Versicherungsverein Bremen a.G.',
      'Am Deich 2',
    ].join('\n');
    const f = values(extractFields('invoice', text, 'de').fields);
    expect(f.buyerName).toBe('Nordsee Versicherung Versicherungsverein Bremen a.G.');
  });
});

describe('titles printed for display', () => {
  const head = (first: string) =>
    prepareText(
      `${first}\n                      GLN 4333741000005\n                      ALPHA GMBH\n`,
      'de',
    );

  test('when a letter-spaced title shares the first row with address columns, then it is the title', () => {
    const doc = head(
      'Lieferant            Käufer            K O S T E N R E C H N U N G            Seite 1',
    );
    expect(findTitle(doc)?.docType).toBe('invoice');
  });

  test('when a capitalised title shares the first row (RECHNUNGS-KORREKTUR), then it is an invoice title', () => {
    const doc = head(
      'Lieferant            Käufer            RECHNUNGS-KORREKTUR            Seite 1',
    );
    expect(findTitle(doc)?.docType).toBe('invoice');
  });

  test('when a column head in a later wide row names a type, then it is no title', () => {
    const doc = prepareText('\n\n\n\nDatum      Rechnung      Kunde      Betrag\n', 'de');
    expect(findTitle(doc)).toBeUndefined();
  });

  test('when a text layer split the title word (`Rechnungskor rektur Nr. RK2`), then it is read as one word', () => {
    expect(
      findTitle(prepareText('Rechnungskor rektur Nr. RK21 vom 16.09.2019\n', 'de'))?.docType,
    ).toBe('invoice');
  });

  test('when Gutschrift is qualified as a self-billed invoice, then it titles an invoice; alone it titles nothing', () => {
    expect(
      findTitle(prepareText('Gutschrift (Selbst ausgestellte Rechnung) Nr. 4711\n', 'de'))?.docType,
    ).toBe('invoice');
    expect(findTitle(prepareText('Gutschrift Nr. 4711\n', 'de'))).toBeUndefined();
  });
});
