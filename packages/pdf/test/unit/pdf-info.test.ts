import { parsePdfInfo } from '../../src';

describe('parsePdfInfo', () => {
  test('when pdfinfo lists every page, then each page has its size and the rotation it is shown with', () => {
    const listing = [
      'Producer:        docflow fixtures',
      'Pages:           2',
      'Encrypted:       no',
      'Page    1 size:  595.28 x 841.89 pts (A4)',
      'Page    1 rot:   90',
      'Page    2 size:  612 x 792 pts (letter)',
      'Page    2 rot:   -90',
      'PDF version:     1.7',
    ].join('\n');

    expect(parsePdfInfo(listing)).toEqual({
      pages: 2,
      pageSizes: [
        { width: 595.28, height: 841.89 },
        { width: 612, height: 792 },
      ],
      pageRotations: [90, 270],
      encrypted: false,
      version: '1.7',
    });
  });

  test('when pdfinfo lists the first page only, then its rotation is the one given', () => {
    const listing =
      'Pages:           3\nPage size:       612 x 792 pts (letter)\nPage rot:        0\n';

    expect(parsePdfInfo(listing)).toMatchObject({
      pageSizes: [{ width: 612, height: 792 }],
      pageRotations: [0],
    });
  });
});
