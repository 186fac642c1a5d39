import type { ExtractedField } from '@docflow/contracts';
import { invoiceGate } from '../../../../src/domain/validate/invoice-gate';

const f = (value: string | number, confidence: number): ExtractedField => ({ value, confidence });
const extraction = (fields: Record<string, ExtractedField>) => ({ fields, tables: {} });

describe('the invoice publication gate', () => {
  test('when seller and a closed total are sure, then nothing blocks', () => {
    const e = extraction({
      invoiceNumber: f('R-1', 0.9),
      issueDate: f('2024-01-02', 0.9),
      sellerName: f('Alpha GmbH', 0.85),
      total: f(119, 0.97),
    });
    expect(invoiceGate('invoice', e)).toEqual([]);
  });

  test('when the total did not close with subtotal and tax, then fields.uncertain names the total', () => {
    const e = extraction({ sellerName: f('Alpha GmbH', 0.85), total: f(119, 0.75) });
    const findings = invoiceGate('invoice', e);
    expect(findings.find((x) => x.code === 'fields.uncertain')).toMatchObject({
      severity: 'error',
      field: 'total',
    });
  });

  test('when the seller is missing, then fields.uncertain names it; a missing number only warns', () => {
    const findings = invoiceGate('credit_note', extraction({ total: f(10, 0.97) }));
    expect(findings.map((x) => [x.code, x.severity])).toEqual([
      ['fields.missing', 'warning'],
      ['fields.uncertain', 'error'],
    ]);
    expect(findings[1]!.message).toContain('sellerName');
  });

  test('when the document is a receipt, then the invoice gate says nothing', () => {
    expect(invoiceGate('receipt', extraction({}))).toEqual([]);
  });
});
