import { readSroieKey, sroieAmount, sroieDate } from '../../../src/evaluation/sroie-truth';

describe('SROIE keys', () => {
  test.each([
    ['25/12/2018', '2018-12-25'],
    ['12-01-19', '2019-01-12'],
    ['18/03/18', '2018-03-18'],
    ['5/3/2018', '2018-03-05'],
    ['12/28/2017', '2017-12-28'],
    ['05 MAR 2018', '2018-03-05'],
    ['28 MAR 18', '2018-03-28'],
    ['2018-03-23', '2018-03-23'],
    ['20180304', '2018-03-04'],
  ])('when the printed date is %s, then the truth is %s', (printed, expected) => {
    expect(sroieDate(printed)).toBe(expected);
  });

  test('when a date cannot be a date, then it is not read', () => {
    expect(sroieDate('31/13/2018')).toBeUndefined();
    expect(sroieDate('05 XYZ 2018')).toBeUndefined();
    expect(sroieDate('')).toBeUndefined();
  });

  test.each([
    ['9.00', 9],
    ['RM 3.90', 3.9],
    ['RM4.00', 4],
    ['$8.20', 8.2],
    ['1,234.50', 1234.5],
  ])('when the total is %s, then the amount is %d', (printed, expected) => {
    expect(sroieAmount(printed)).toBe(expected);
  });

  test('when a key is read, then it is a receipt in the receipt extractor field names', () => {
    // Arrange
    const key = JSON.stringify({
      company: ' MR. D.I.Y. (M) SDN BHD ',
      date: '24-11-17',
      address: 'NO. 1, JALAN',
      total: 'RM 3.90',
    });

    // Act
    const truth = readSroieKey(key, '081.json');

    // Assert
    expect(truth).toEqual({
      docType: 'receipt',
      fields: { merchantName: 'MR. D.I.Y. (M) SDN BHD', date: '2017-11-24', total: 3.9 },
    });
  });

  test('when the key has an empty total, then the total is not scored', () => {
    const truth = readSroieKey(
      JSON.stringify({ company: 'UNIHAKKA', date: '10 MAR 2018', total: '' }),
      'k.json',
    );
    expect(truth.fields).toEqual({ merchantName: 'UNIHAKKA', date: '2018-03-10' });
  });

  test('when the key is not JSON, then the error names the file', () => {
    expect(() => readSroieKey('{company', 'key/007.json')).toThrow(/key\/007\.json: not JSON/);
    expect(() => readSroieKey('42', 'key/008.json')).toThrow(/key\/008\.json/);
  });
});
