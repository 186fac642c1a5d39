import { detectLanguage } from '../../../../../src/domain/language/detect-language';
import { amount, fieldsNamedBy, isoDate, titledAs } from './vocabulary-checks';

describe('Italian vocabulary', () => {
  test.each([
    ['Numero fattura', 'invoiceNumber'],
    ['Fattura n.', 'invoiceNumber'],
    ['Data fattura', 'issueDate'],
    ['Data documento', 'issueDate'],
    ['Scadenza', 'dueDate'],
    ['Imponibile', 'subtotal'],
    ['Totale', 'total'],
    ['Totale documento', 'total'],
    ['IVA', 'tax'],
    ['Partita IVA', 'taxId'],
    ['P.IVA', 'taxId'],
    ['Cessionario', 'buyer'],
    ['Cedente', 'seller'],
    ['Modalità di pagamento', 'payment'],
  ])('when a label reads %s, then it names %s', (label, field) => {
    expect(fieldsNamedBy(label, 'it')).toContain(field);
  });

  test.each([
    ['FATTURA N. 2024/118', 'invoice'],
    ['Fattura elettronica', 'invoice'],
    ['Nota di credito', 'credit_note'],
    ['Scontrino', 'receipt'],
    ['Estratto conto', 'bank_statement'],
    ['Busta paga', 'payslip'],
    ['Preventivo', 'other'],
  ])('when a page is headed %s, then it is titled %s', (heading, type) => {
    expect(titledAs(heading, 'it')).toBe(type);
  });

  test.each([
    ['12 marzo 2024', '2024-03-12'],
    ['3 maggio 2024', '2024-05-03'],
    ['1 gen 2025', '2025-01-01'],
    ['30 ott. 2024', '2024-10-30'],
    ['11/04/2024', '2024-04-11'],
  ])('when a date reads %s, then it is %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test('when amounts are written € 1.234,56, then they parse', () => {
    expect(amount('€ 1.234,56')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount('1.506,16 EUR')).toEqual({ value: 1506.16, currency: 'EUR' });
  });

  test('when a text is Italian, then it is detected as Italian', () => {
    expect(
      detectLanguage('Pagamento con bonifico bancario entro la data di scadenza della fattura.'),
    ).toBe('it');
  });
});
