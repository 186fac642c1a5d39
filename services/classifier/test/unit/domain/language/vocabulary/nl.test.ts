import { detectLanguage } from '../../../../../src/domain/language/detect-language';
import { amount, fieldsNamedBy, isoDate, titledAs } from './vocabulary-checks';

describe('Dutch vocabulary', () => {
  test.each([
    ['Factuurnummer', 'invoiceNumber'],
    ['Factuur nr.', 'invoiceNumber'],
    ['Factuurdatum', 'issueDate'],
    ['Vervaldatum', 'dueDate'],
    ['Subtotaal', 'subtotal'],
    ['Totaal excl. btw', 'subtotal'],
    ['Totaal', 'total'],
    ['Totaal incl. btw', 'total'],
    ['Te betalen', 'total'],
    ['BTW', 'tax'],
    ['BTW-nummer', 'taxId'],
    ['Klant', 'buyer'],
    ['Leverancier', 'seller'],
    ['Betaalwijze', 'payment'],
  ])('when a label reads %s, then it names %s', (label, field) => {
    expect(fieldsNamedBy(label, 'nl')).toContain(field);
  });

  test.each([
    ['FACTUUR', 'invoice'],
    ['Factuur 2024-0042', 'invoice'],
    ['Eindfactuur', 'invoice'],
    ['Creditnota CN-12', 'credit_note'],
    ['Kassabon', 'receipt'],
    ['Rekeningafschrift', 'bank_statement'],
    ['Loonstrook', 'payslip'],
    ['Offerte', 'other'],
  ])('when a page is headed %s, then it is titled %s', (heading, type) => {
    expect(titledAs(heading, 'nl')).toBe(type);
  });

  test.each([
    ['12 maart 2024', '2024-03-12'],
    ['12 mrt 2024', '2024-03-12'],
    ['1 mei 2024', '2024-05-01'],
    ['3 okt. 2024', '2024-10-03'],
    ['11-04-2024', '2024-04-11'],
  ])('when a date reads %s, then it is %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test('when amounts are written € 1.234,56, then they parse', () => {
    expect(amount('€ 1.234,56')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount('€ 59,64')).toEqual({ value: 59.64, currency: 'EUR' });
  });

  test('when a text is Dutch, then it is detected as Dutch', () => {
    expect(
      detectLanguage(
        'Gelieve het bedrag binnen 14 dagen over te maken onder vermelding van het factuurnummer.',
      ),
    ).toBe('nl');
  });
});
