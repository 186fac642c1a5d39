import { detectLanguage } from '../../../../../src/domain/language/detect-language';
import { amount, fieldsNamedBy, isoDate, titledAs } from './vocabulary-checks';

describe('German vocabulary', () => {
  test.each([
    ['Rechnungsnummer', 'invoiceNumber'],
    ['Rechnungs-Nr.', 'invoiceNumber'],
    ['Rechnungsdatum', 'issueDate'],
    ['Beleg-Datum', 'issueDate'],
    ['Fälligkeitsdatum', 'dueDate'],
    ['Zahlbar bis', 'dueDate'],
    ['Nettobetrag', 'subtotal'],
    ['Rechnungssumme Netto', 'subtotal'],
    ['Gesamtbetrag', 'total'],
    ['Rechnungsbetrag', 'total'],
    ['MwSt.', 'tax'],
    ['Umsatzsteuer', 'tax'],
    ['USt-IdNr.', 'taxId'],
    ['USt.-Id.-Nr.', 'taxId'],
    ['Rechnungsempfänger', 'buyer'],
    ['Lieferant', 'seller'],
    ['Zahlungsart', 'payment'],
  ])('when a label reads %s, then it names %s', (label, field) => {
    expect(fieldsNamedBy(label, 'de')).toContain(field);
  });

  test.each([
    ['RECHNUNG', 'invoice'],
    ['Rechnung Nr. 4711', 'invoice'],
    ['Mietrechnung Nr. 9314110911 vom 01.10.2018', 'invoice'],
    ['Stornorechnung Nr. ST-2024-7', 'credit_note'],
    ['Kassenbon', 'receipt'],
    ['Kontoauszug', 'bank_statement'],
    ['Gehaltsabrechnung', 'payslip'],
    ['Lieferschein', 'other'],
  ])('when a page is headed %s, then it is titled %s', (heading, type) => {
    expect(titledAs(heading, 'de')).toBe(type);
  });

  test('when a page is headed Gutschrift (credit or self-billed invoice), then no type is named', () => {
    expect(titledAs('Gutschrift Nr. 471102', 'de')).toBeUndefined();
  });

  test('when a page is headed Rechnungskorrektur (a corrected invoice, UN/CEFACT 384), then it is an invoice', () => {
    expect(titledAs('Rechnungskorrektur Nr. RK21012345', 'de')).toBe('invoice');
  });

  test('when a title word is part of a label or a sentence, then it is not a title', () => {
    expect(titledAs('Lieferschein-Nr : L87654321012345', 'de')).toBeUndefined();
    expect(titledAs('Rechnung gemäß Bestellung vom 01.03.2018.', 'de')).toBeUndefined();
    expect(titledAs('Bestellung                : B123456789', 'de')).toBeUndefined();
  });

  test.each([
    ['05.03.2018', '2018-03-05'],
    ['3. März 2024', '2024-03-03'],
    ['24. Januar 2014', '2014-01-24'],
    ['10 Dez 2024', '2024-12-10'],
    ['5. Okt. 2024', '2024-10-05'],
    ['1. Jänner 2025', '2025-01-01'],
  ])('when a date reads %s, then it is %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test('when amounts are written 1.234,56 EUR or 1.234,56 €, then they parse', () => {
    expect(amount('1.234,56 EUR')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount('€ 1.234,56')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount('-8,79', 'comma')).toEqual({ value: -8.79 });
  });

  test('when a text is German, then it is detected as German', () => {
    expect(
      detectLanguage('Zahlbar innerhalb 30 Tagen netto. Bitte geben Sie die Rechnungsnummer an.'),
    ).toBe('de');
  });
});
