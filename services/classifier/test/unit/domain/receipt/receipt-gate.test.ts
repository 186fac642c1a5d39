import { findingSchema } from '@docflow/contracts';
import {
  RECEIPT_TOTAL_PUBLISH,
  receiptFindings,
} from '../../../../src/domain/receipt/receipt-gate';

const f = (value: string | number, confidence: number) => ({
  value,
  raw: String(value),
  confidence,
  span: { start: 0, end: 1, page: 1 },
});

describe('receipt gate', () => {
  test('when the total is below the publish threshold, then a blocking total.uncertain names it', () => {
    // Act
    const findings = receiptFindings({
      fields: {
        total: f(8.7, RECEIPT_TOTAL_PUBLISH - 0.1),
        merchantName: f('A SHOP', 0.9),
        date: f('2024-01-02', 0.9),
      },
      tables: {},
    });

    // Assert
    expect(findings).toEqual([
      expect.objectContaining({ code: 'total.uncertain', severity: 'error', field: 'total' }),
    ]);
  });

  test('when merchant and date are missing or doubtful, then warnings name them', () => {
    // Act
    const findings = receiptFindings({
      fields: { total: f(8.7, 0.95), merchantName: f('X', 0.3) },
      tables: {},
    });

    // Assert
    expect(findings.map((x) => [x.code, x.severity])).toEqual([
      ['merchant.uncertain', 'warning'],
      ['date.missing', 'warning'],
    ]);
    // what the event contract takes: a finding it refuses fails the whole document
    for (const finding of findings) expect(findingSchema.parse(finding)).toEqual(finding);
  });
});
