import { parseDate } from '../../../../src/domain/normalise/date';

describe('parseDate', () => {
  test.each([
    ['15/03/2024', '2024-03-15'],
    ['15-03-2024', '2024-03-15'],
    ['15.03.24', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['03/15/2024', '2024-03-15'],
    ['March 15, 2024', '2024-03-15'],
    ['Mar 15 2024', '2024-03-15'],
    ['15 Mar 2024', '2024-03-15'],
    ['15-mar-2024', '2024-03-15'],
    ['15 de marzo de 2024', '2024-03-15'],
    ['1º de enero del 2024', '2024-01-01'],
    ['5 setiembre 2023', '2023-09-05'],
    ['15 DIC 2023', '2023-12-15'],
    ['l5/O3/2024', '2024-03-15'],
  ])('when the text is "%s", then the date is %s', (raw, expected) => {
    expect(parseDate(raw)?.value).toBe(expected);
  });

  test('when day and month are both possible, then the preferred order decides with lower confidence', () => {
    expect(parseDate('03/04/2024', 'dmy')).toEqual({ value: '2024-04-03', confidence: 0.8 });
    expect(parseDate('03/04/2024', 'mdy')).toEqual({ value: '2024-03-04', confidence: 0.8 });
  });

  test.each(['31/02/2024', '32/01/2024', '15 de foo de 2024', 'hello'])(
    'when the text is "%s", then it is not a date',
    (raw) => {
      expect(parseDate(raw)).toBeNull();
    },
  );
});
