import { detectLanguage } from '../../../../../src/domain/language/detect-language';
import { amount, fieldsNamedBy, isoDate, titledAs } from './vocabulary-checks';

describe('French vocabulary', () => {
  test.each([
    ['N° de facture', 'invoiceNumber'],
    ['Numéro de facture', 'invoiceNumber'],
    ['Date de facture', 'issueDate'],
    ["Date d'émission", 'issueDate'],
    ["Date d'échéance", 'dueDate'],
    ['Échéance', 'dueDate'],
    ['Total HT', 'subtotal'],
    ['Montant HT', 'subtotal'],
    ['Total TTC', 'total'],
    ['Net à payer', 'total'],
    ['TVA', 'tax'],
    ['N° TVA intracommunautaire', 'taxId'],
    ['Facturé à', 'buyer'],
    ['Fournisseur', 'seller'],
    ['Mode de paiement', 'payment'],
  ])('when a label reads %s, then it names %s', (label, field) => {
    expect(fieldsNamedBy(label, 'fr')).toContain(field);
  });

  test.each([
    ['FACTURE', 'invoice'],
    ['Facture FA-2017-0010', 'invoice'],
    ['Avoir AV-2017-0005', 'credit_note'],
    ['Ticket de caisse', 'receipt'],
    ['Relevé de compte', 'bank_statement'],
    ['Bulletin de paie', 'payslip'],
    ['Devis n° 42', 'other'],
  ])('when a page is headed %s, then it is titled %s', (heading, type) => {
    expect(titledAs(heading, 'fr')).toBe(type);
  });

  test('when a cell reads Facture followed by other words, then it is not a title', () => {
    expect(titledAs('Facture à régler par virement', 'fr')).toBeUndefined();
  });

  test.each([
    ['12 mars 2024', '2024-03-12'],
    ['1er janvier 2024', '2024-01-01'],
    ['15 févr. 2024', '2024-02-15'],
    ['7 août 2023', '2023-08-07'],
    ['3 DÉCEMBRE 2025', '2025-12-03'],
    ['13/11/2017', '2017-11-13'],
  ])('when a date reads %s, then it is %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test('when amounts are written 1 234,56 € (also with a narrow no-break space), then they parse', () => {
    expect(amount('1 234,56 €')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount('1\u202f234,56 €')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount("CHF 1'234.50")).toEqual({ value: 1234.5, currency: 'CHF' });
  });

  test('when a text is French, then it is detected as French', () => {
    expect(
      detectLanguage(
        'Facture à régler par virement sur le compte suivant. Merci pour votre confiance.',
      ),
    ).toBe('fr');
  });
});
