import { prepareText } from '../../../../src/domain/extract/document-text';
import { receiptEvidence } from '../../../../src/domain/receipt/receipt-evidence';
import { weighReceipt } from '../../../../src/domain/receipt/receipt-type';

const doc = (lines: string[]) => prepareText(lines.join('\n'), 'en');

const till = doc([
  'CORNER HARDWARE SDN BHD',
  'TAX INVOICE',
  '02/01/2019 10:12   CASHIER01',
  'TOTAL           12.20',
  'CASH            20.00',
  'CHANGE           7.80',
  'THANK YOU & COME AGAIN',
]);

const invoice = doc([
  'Northwind Consulting Ltd',
  'INVOICE',
  'Bill to: Contoso Ltd, 1 Main Road',
  'Invoice date: 02/01/2019   Due date: 01/02/2019',
  'Consulting services   1,200.00',
  'Total                 1,440.00',
  'IBAN GB29 NWBK 6016 1331 9268 19',
  'Thank you for your business',
]);

describe('receipt or invoice', () => {
  test('when a till receipt is titled TAX INVOICE, then its cash, change, cashier and time make it a receipt', () => {
    // Act
    const decision = weighReceipt({ docType: 'invoice', confidence: 0.95 }, 0.05, till);

    // Assert
    expect(decision.docType).toBe('receipt');
    expect(decision.confidence).toBeGreaterThan(0.6);
    expect(decision.finding?.code).toBe('doc_type.receipt_structure');
  });

  test('when an invoice bills a customer with a due date and an IBAN, then it stays an invoice', () => {
    // Act
    const decision = weighReceipt({ docType: 'invoice', confidence: 0.9 }, 0.08, invoice);

    // Assert
    expect(decision).toEqual({ docType: 'invoice', confidence: 0.9 });
    expect(receiptEvidence(invoice).logOdds).toBeLessThan(0);
  });

  test('when the model says receipt but the page bills a customer, then the confidence drops', () => {
    // Act
    const decision = weighReceipt({ docType: 'receipt', confidence: 0.7 }, 0.7, invoice);

    // Assert
    expect(decision.docType).toBe('receipt');
    expect(decision.confidence).toBeLessThan(0.6);
  });

  test('when the page shows only a thin sign of a till, then a confident invoice reading is kept', () => {
    // Act
    const decision = weighReceipt(
      { docType: 'invoice', confidence: 0.99 },
      0.005,
      doc(['ACME', 'INVOICE', 'Total 10.00', 'Thank you']),
    );

    // Assert
    expect(decision.docType).toBe('invoice');
  });
});
