import type { Extraction } from '../../../../src/domain/extract/field-set';
import { validateExtraction } from '../../../../src/domain/validate/validate-extraction';

const f = (value: string | number) => ({ value, confidence: 0.9 });
const options = { today: '2024-06-01', futureToleranceDays: 3 };
const codes = (e: Extraction, type: Parameters<typeof validateExtraction>[0] = 'invoice') =>
  validateExtraction(type, e, options).map((x) => x.code);

describe('validateExtraction', () => {
  test('when subtotal + tax equals total, then there is no arithmetic finding', () => {
    const e = {
      fields: { subtotal: f(100), total: f(121) },
      tables: { taxLines: [{ amount: f(21) }] },
    };
    expect(codes(e)).not.toContain('total.mismatch');
  });
  test('when subtotal + tax differs from total by more than a cent, then total.mismatch is an error', () => {
    const e = {
      fields: { subtotal: f(100), total: f(121.02) },
      tables: { taxLines: [{ amount: f(21) }] },
    };
    expect(codes(e)).toContain('total.mismatch');
  });
  test('when line items do not add up to the subtotal, then line_items.mismatch', () => {
    const e = {
      fields: { subtotal: f(100), total: f(121) },
      tables: { taxLines: [{ amount: f(21) }], lineItems: [{ amount: f(60) }, { amount: f(30) }] },
    };
    expect(codes(e)).toContain('line_items.mismatch');
  });
  test('when an e-invoice states a line total apart from the subtotal, then lines are checked against it', () => {
    const tables = {
      taxLines: [{ amount: f(21) }],
      lineItems: [{ amount: f(60) }, { amount: f(50) }],
    };
    const discounted = { fields: { lineTotal: f(110), subtotal: f(100), total: f(121) }, tables };
    const wrong = { fields: { lineTotal: f(120), subtotal: f(100), total: f(121) }, tables };
    expect(codes(discounted)).not.toContain('line_items.mismatch');
    expect(codes(wrong)).toContain('line_items.mismatch');
  });
  test('when opening + transactions differs from closing, then balance.mismatch', () => {
    const ok = {
      fields: { openingBalance: f(100), closingBalance: f(70) },
      tables: { transactions: [{ amount: f(-50) }, { amount: f(20) }] },
    };
    const bad = {
      fields: { openingBalance: f(100), closingBalance: f(80) },
      tables: { transactions: [{ amount: f(-50) }, { amount: f(20) }] },
    };
    expect(codes(ok, 'bank_statement')).not.toContain('balance.mismatch');
    expect(codes(bad, 'bank_statement')).toContain('balance.mismatch');
  });
  test('when the due date is before the issue date or a date is in the future, then warnings', () => {
    const e = {
      fields: { issueDate: f('2024-06-20'), dueDate: f('2024-06-10'), total: f(1) },
      tables: {},
    };
    expect(codes(e)).toEqual(expect.arrayContaining(['date.due_before_issue', 'date.in_future']));
    const near = { fields: { issueDate: f('2024-06-03'), total: f(1) }, tables: {} };
    expect(codes(near)).not.toContain('date.in_future');
  });
  test('when a tax id or IBAN fails its checksum, then a warning names the field', () => {
    const e = {
      fields: { sellerTaxId: f('B58378432'), iban: f('ES9121000418450200051333'), total: f(1) },
      tables: {},
    };
    const findings = validateExtraction('invoice', e, options);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'tax_id.invalid', field: 'sellerTaxId' }),
        expect.objectContaining({ code: 'iban.invalid' }),
      ]),
    );
  });
  test('when no total is found on an invoice, then total.missing is an error', () => {
    expect(codes({ fields: {}, tables: {} })).toContain('total.missing');
  });
});
