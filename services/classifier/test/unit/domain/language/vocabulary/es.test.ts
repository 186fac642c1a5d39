import { detectLanguage } from '../../../../../src/domain/language/detect-language';
import { amount, detectCurrency, fieldsNamedBy, isoDate, titledAs } from './vocabulary-checks';

describe('Spanish vocabulary', () => {
  test.each([
    ['Número de factura', 'invoiceNumber'],
    ['Fecha de emisión', 'issueDate'],
    ['Fecha de vencimiento', 'dueDate'],
    ['Base imponible', 'subtotal'],
    ['Total a pagar', 'total'],
    ['Importe total', 'total'],
    ['IVA', 'tax'],
    ['NIF/CIF', 'taxId'],
    ['RUC', 'taxId'],
    ['Cliente', 'buyer'],
    ['Proveedor', 'seller'],
    ['Saldo anterior', 'opening'],
    ['Líquido a percibir', 'net'],
  ])('when a label reads %s, then it names %s', (label, field) => {
    expect(fieldsNamedBy(label, 'es')).toContain(field);
  });

  test.each([
    ['FACTURA', 'invoice'],
    ['Factura A 0001-00001234', 'invoice'],
    ['Nota de crédito NC-12', 'credit_note'],
    ['Factura simplificada', 'receipt'],
    ['Estado de cuenta', 'bank_statement'],
    ['Recibo de nómina', 'payslip'],
    ['Presupuesto', 'other'],
  ])('when a page is headed %s, then it is titled %s', (heading, type) => {
    expect(titledAs(heading, 'es')).toBe(type);
  });

  test('when a title word opens a label with its value, then it is not a title', () => {
    expect(titledAs('Orden de compra: OC-38447', 'es')).toBeUndefined();
  });

  test.each([
    ['15 de marzo de 2024', '2024-03-15'],
    ['1º de enero del 2024', '2024-01-01'],
    ['10-dic-2024', '2024-12-10'],
  ])('when a date reads %s, then it is %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test('when amounts are written in LatAm currencies, then they parse with their currency', () => {
    expect(amount('S/ 15.90')).toEqual({ value: 15.9, currency: 'PEN' });
    expect(amount('1.234,56 €')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(amount('MX$ 1,200.00')).toEqual({ value: 1200, currency: 'MXN' });
    expect(amount('COP 45.000')).toEqual({ value: 45000, currency: 'COP' });
    expect(detectCurrency('TOTAL CLP 12.990')).toBe('CLP');
    expect(detectCurrency('Total ARS 1.500,00')).toBe('ARS');
  });

  test('when a text is Spanish, then it is detected as Spanish', () => {
    expect(
      detectLanguage(
        'Gracias por su compra. El pago se realizará por transferencia a la cuenta del proveedor.',
      ),
    ).toBe('es');
  });
});
