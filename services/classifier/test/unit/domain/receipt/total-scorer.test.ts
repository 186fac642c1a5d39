import { prepareText } from '../../../../src/domain/extract/document-text';
import { amountCandidates } from '../../../../src/domain/receipt/amount-candidates';
import { TOTAL_FEATURES, totalFeatures } from '../../../../src/domain/receipt/total-features';
import { rankTotals, valueProbabilities } from '../../../../src/domain/receipt/total-scorer';
import { TOTAL_WEIGHTS } from '../../../../src/domain/receipt/total-weights';

const doc = (lines: string[]) => prepareText(lines.join('\n'), 'en');
const feature = (vector: number[], name: string) => vector[TOTAL_FEATURES.indexOf(name)];

const tillRoll = (total: string, cash: string, change: string) =>
  doc([
    'CORNER HARDWARE SDN BHD',
    'TAX INVOICE',
    'DATE: 02/01/2019 10:12   CASHIER: 3',
    'PAINT BRUSH        2 X 4.50      9.00',
    'MASKING TAPE       1 X 3.20      3.20',
    `TOTAL QTY: 3                    ${total}`,
    'TOTAL SALES (EXCLUDING GST) :   11.51',
    'TOTAL GST :                      0.69',
    `TOTAL SALES (INCLUSIVE OF GST): ${total}`,
    `CASH :                          ${cash}`,
    `CHANGE :                        ${change}`,
    'THANK YOU',
  ]);

describe('receipt total candidates', () => {
  test('when a row holds a quantity and an amount, then each amount gets its own left label', () => {
    // Arrange
    const receipt = tillRoll('12.20', '20.00', '7.80');

    // Act
    const candidates = amountCandidates(receipt);

    // Assert
    const row = candidates.filter((c) => c.at.text.startsWith('TOTAL QTY'));
    expect(row.map((c) => c.value)).toEqual([3, 12.2]);
    expect(row[0]!.left.has('quantity')).toBe(true);
    expect(row[1]!.left.has('quantity')).toBe(false);
    expect(row[1]!.line.has('total')).toBe(true);
  });

  test('when cash minus change and subtotal plus tax give an amount, then its arithmetic features are set', () => {
    // Arrange
    const receipt = tillRoll('12.20', '20.00', '7.80');
    const candidates = amountCandidates(receipt);

    // Act
    const features = totalFeatures(receipt, candidates);

    // Assert
    const total = features[candidates.findIndex((c) => c.value === 12.2)]!;
    const cash = features[candidates.findIndex((c) => c.value === 20)]!;
    expect(feature(total, 'subtotalPlusTax')).toBe(1);
    expect(feature(total, 'cashMinusChange')).toBe(1);
    expect(feature(cash, 'cashMinusChange')).toBe(0);
    expect(features.every((f) => f.length === TOTAL_FEATURES.length)).toBe(true);
  });

  test('when the labels are printed with spaced letters, then they are still read', () => {
    // Act
    const [candidate] = amountCandidates(doc(['T O T A L   131,952']));

    // Assert
    expect(candidate!.line.has('total')).toBe(true);
  });
});

describe('receipt total scorer', () => {
  test('when a till roll prints the total, cash and change, then the total wins with a publishable probability', () => {
    // Act
    const [best] = rankTotals(tillRoll('12.20', '20.00', '7.80'));

    // Assert
    expect(best!.value).toBe(12.2);
    expect(best!.probability).toBeGreaterThan(0.8);
  });

  test('when the total is rounded for cash, then the rounded total wins', () => {
    // Arrange
    const receipt = doc([
      'MR HANDY STORE',
      'WIDGET              1 X 33.92   33.92',
      'TOTAL                        RM 33.92',
      'ROUNDING ADJUSTMENT         -RM 0.02',
      'TOTAL ROUNDED                RM 33.90',
      'CASH                         RM 50.00',
      'CHANGE                       RM 16.10',
    ]);

    // Act
    const [best] = rankTotals(receipt);

    // Assert
    expect(best!.value).toBe(33.9);
  });

  test('when a German receipt labels its sum Summe and the cash Bar, then the sum wins', () => {
    // Act
    const [best] = rankTotals(
      doc([
        'Bäckerei Krume GmbH',
        'Brötchen  4 x 0,45   1,80',
        'SUMME EUR   6,30',
        'Bar   10,00',
        'Rückgeld   3,70',
      ]),
    );

    // Assert
    expect(best!.value).toBeCloseTo(6.3);
  });

  test('when nothing marks one amount, then no value is publishable', () => {
    // Act
    const ranked = rankTotals(doc(['SHOP', '4.20', '7.10', '3.30', '9.90']));

    // Assert
    expect(ranked[0]!.probability).toBeLessThan(0.8);
  });

  test('when a value is printed twice, then its probability is the sum over both places', () => {
    // Act
    const ranked = valueProbabilities([{ value: 5 }, { value: 5 }, { value: 7 }], [0, 0, 0]);

    // Assert
    expect(ranked[0]).toMatchObject({ value: 5 });
    expect(ranked[0]!.probability).toBeCloseTo(2 / 3);
  });

  test('the weights table has one weight per feature', () => {
    expect(TOTAL_WEIGHTS).toHaveLength(TOTAL_FEATURES.length);
  });
});
