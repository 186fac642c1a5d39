import { amountsAgree, detectCurrency, parseAmount } from '../../../../src/domain/normalise/amount';

describe('parseAmount', () => {
  test.each([
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234,56', 1234.56],
    ["1'234.56", 1234.56],
    ['1234.56', 1234.56],
    ['1234,5', 1234.5],
    ['12,50', 12.5],
    ['1.234.567', 1234567],
    ['1,234,567.89', 1234567.89],
    ['€1.234,56', 1234.56],
    ['1.234,56 €', 1234.56],
    ['USD 99.90', 99.9],
    ['S/ 1,180.00', 1180],
    ['-12.50', -12.5],
    ['(12.50)', -12.5],
    ['12.50-', -12.5],
    ['1O5.OO', 105],
    ['l2,50', 12.5],
  ])('when the text is "%s", then the value is %d', (raw, expected) => {
    expect(parseAmount(raw)?.value).toBe(expected);
  });

  test('when a lone separator has three digits after it, then it is read as thousands unless hinted', () => {
    expect(parseAmount('1,234')?.value).toBe(1234);
    expect(parseAmount('1,234', 'comma')?.value).toBe(1.23);
    expect(parseAmount('1.234', 'dot')?.value).toBe(1.23);
  });

  test.each(['abc', '', '12/03/2024', '1.2.3.4,5,6'])(
    'when the text is "%s", then it is not an amount',
    (raw) => {
      expect(parseAmount(raw)).toBeNull();
    },
  );

  test('when symbols or codes are present, then the currency is known', () => {
    expect(parseAmount('€ 10,00')?.currency).toBe('EUR');
    expect(detectCurrency('£5')).toBe('GBP');
    expect(detectCurrency('S/ 20.00')).toBe('PEN');
    expect(detectCurrency('COP 20.000')).toBe('COP');
    expect(detectCurrency('US$ 3')).toBe('USD');
    expect(detectCurrency('12.00')).toBeUndefined();
  });

  test('when two amounts differ by at most a cent, then they agree', () => {
    expect(amountsAgree(100, 100.01)).toBe(true);
    expect(amountsAgree(100, 100.02)).toBe(false);
  });
});
