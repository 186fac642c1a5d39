import { layoutText, parseBoxCsv } from '../../../src/evaluation/gold-layout';

/** A box CSV row for an axis-aligned box. */
const row = (left: number, top: number, right: number, bottom: number, text: string) =>
  `${left},${top},${right},${top},${right},${bottom},${left},${bottom},${text}`;

describe('SROIE gold boxes', () => {
  test('when a transcript holds commas, then the whole text after the eight numbers is kept', () => {
    const lines = parseBoxCsv(`${row(10, 20, 200, 40, 'NO.53 55,57 & 59, JALAN')}\nbroken,row\n`);
    expect(lines).toEqual([
      { left: 10, right: 200, top: 20, bottom: 40, text: 'NO.53 55,57 & 59, JALAN' },
    ]);
  });

  test('when boxes share a height, then they share a line spaced by their left edges', () => {
    // Arrange: 10 px per character; the label at x=0, its amount at x=200 (column 20)
    const csv = [
      row(0, 100, 50, 120, 'TOTAL'),
      row(200, 102, 240, 122, '9.00'),
      row(0, 0, 120, 20, 'SHOP NAME BHD'),
      row(30, 40, 130, 60, '25/12/2018'),
    ].join('\n');

    // Act
    const text = layoutText(parseBoxCsv(csv));

    // Assert
    expect(text.split('\n')).toEqual([
      'SHOP NAME BHD',
      '   25/12/2018',
      `TOTAL${' '.repeat(15)}9.00`,
    ]);
  });

  test('when boxes overlap horizontally on one line, then one space still parts them', () => {
    const text = layoutText(
      parseBoxCsv([row(0, 0, 100, 20, 'ABCDEFGHIJ'), row(50, 0, 90, 20, 'XY')].join('\n')),
    );
    expect(text).toBe('ABCDEFGHIJ XY');
  });

  test('when there are no boxes, then the text is empty', () => {
    expect(layoutText([])).toBe('');
  });
});
