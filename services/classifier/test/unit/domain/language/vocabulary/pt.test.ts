import { detectLanguage } from '../../../../../src/domain/language/detect-language';
import { amount, detectCurrency, fieldsNamedBy, isoDate, titledAs } from './vocabulary-checks';

describe('Portuguese vocabulary', () => {
  test.each([
    ['Fatura n.º', 'invoiceNumber'],
    ['Número da fatura', 'invoiceNumber'],
    ['Data de emissão', 'issueDate'],
    ['Data de vencimento', 'dueDate'],
    ['Total sem IVA', 'subtotal'],
    ['Valor total', 'total'],
    ['Total a pagar', 'total'],
    ['IVA', 'tax'],
    ['ICMS', 'tax'],
    ['NIF', 'taxId'],
    ['CNPJ', 'taxId'],
    ['Destinatário', 'buyer'],
    ['Emitente', 'seller'],
    ['Forma de pagamento', 'payment'],
  ])('when a label reads %s, then it names %s', (label, field) => {
    expect(fieldsNamedBy(label, 'pt')).toContain(field);
  });

  test.each([
    ['FATURA', 'invoice'],
    ['Nota fiscal', 'invoice'],
    ['Nota de crédito NC 2024/7', 'credit_note'],
    ['Recibo', 'receipt'],
    ['Extrato bancário', 'bank_statement'],
    ['Recibo de vencimento', 'payslip'],
    ['Orçamento', 'other'],
  ])('when a page is headed %s, then it is titled %s', (heading, type) => {
    expect(titledAs(heading, 'pt')).toBe(type);
  });

  test.each([
    ['12 de março de 2024', '2024-03-12'],
    ['2 de fevereiro de 2025', '2025-02-02'],
    ['15 out 2024', '2024-10-15'],
    ['1 dez. 2024', '2024-12-01'],
    ['11-04-2024', '2024-04-11'],
  ])('when a date reads %s, then it is %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test('when amounts are written 1.234,56 € or R$ 1.234,56, then they parse with their currency', () => {
    expect(amount('1.234,56 €')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount('R$ 1.234,56')).toEqual({ value: 1234.56, currency: 'BRL' });
    expect(detectCurrency('Valor: R$ 15,00')).toBe('BRL');
  });

  test('when a text is Portuguese, then it is detected as Portuguese', () => {
    expect(
      detectLanguage(
        'Obrigado pela preferência. O pagamento deve ser feito até à data de vencimento.',
      ),
    ).toBe('pt');
  });
});
