import { detectLanguage } from '../../../../../src/domain/language/detect-language';
import { amount, detectCurrency, fieldsNamedBy, isoDate, titledAs } from './vocabulary-checks';

describe('English vocabulary', () => {
  test.each([
    ['Invoice No', 'invoiceNumber'],
    ['Invoice Date', 'issueDate'],
    ['Due Date', 'dueDate'],
    ['Subtotal', 'subtotal'],
    ['Amount Due', 'total'],
    ['Grand Total', 'total'],
    ['Sales Tax', 'tax'],
    ['VAT Reg No', 'taxId'],
    ['Bill To', 'buyer'],
    ['Supplier', 'seller'],
    ['Opening Balance', 'opening'],
    ['Net Pay', 'net'],
    ['Effective Date', 'effectiveDate'],
  ])('when a label reads %s, then it names %s', (label, field) => {
    expect(fieldsNamedBy(label, 'en')).toContain(field);
  });

  test.each([
    ['TAX INVOICE', 'invoice'],
    ['Invoice #INV-0042', 'invoice'],
    ['Credit Note CN-7', 'credit_note'],
    ['Receipt', 'receipt'],
    ['Bank Statement', 'bank_statement'],
    ['Payslip', 'payslip'],
    ['Pro forma invoice', 'other'],
  ])('when a page is headed %s, then it is titled %s', (heading, type) => {
    expect(titledAs(heading, 'en')).toBe(type);
  });

  test('when Invoice heads a label (Invoice Date) or a register, then it is not a title', () => {
    expect(titledAs('Invoice Date: 04 Mar 2024', 'en')).toBeUndefined();
    expect(titledAs('Invoice register Q1', 'en')).toBeUndefined();
    expect(titledAs('INVOICE NO : 18287/102/T0049', 'en')).toBeUndefined();
  });

  test.each([
    ['March 15, 2024', '2024-03-15'],
    ['15 Mar 2024', '2024-03-15'],
    ['4th July 2024', '2024-07-04'],
  ])('when a date reads %s, then it is %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  test('when amounts carry signs and codes of other currencies, then the currency is named', () => {
    expect(amount('$1,234.56')).toEqual({ value: 1234.56, currency: 'USD' });
    expect(amount('RM 8.70')).toEqual({ value: 8.7, currency: 'MYR' });
    expect(amount('₹ 1,234.00')).toEqual({ value: 1234, currency: 'INR' });
    expect(amount('Rs. 450.00')).toEqual({ value: 450, currency: 'INR' });
    expect(amount('£620.00')).toEqual({ value: 620, currency: 'GBP' });
    expect(detectCurrency('TOTAL RM8.70')).toBe('MYR');
    expect(detectCurrency('Farm fresh 2.00 ROOM')).toBeUndefined();
  });

  test('when a text is English, then it is detected as English', () => {
    expect(
      detectLanguage(
        'Thank you for your business. Payment is due within 30 days of the invoice date.',
      ),
    ).toBe('en');
  });
});
