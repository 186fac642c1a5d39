import { parseAmount } from '../../src/domain/amount';
import { confidenceLevel } from '../../src/domain/confidence';
import { toCsv } from '../../src/domain/csv';
import { dayBounds, localDay } from '../../src/domain/days';
import { layoutPages, locateField, overlaps, pickedText } from '../../src/domain/highlight';
import {
  boxBetween,
  boxesForText,
  pickOf,
  textInBox,
  wordsOf,
  wordUnder,
} from '../../src/domain/page-text';
import { documentWords, fieldBoxes, fieldKeyOf } from '../../src/domain/page-words';
import { draftFrom, reviewBody } from '../../src/domain/review-draft';

describe('amounts as written on documents', () => {
  it.each([
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['GBP 1,440.00', 1440],
    ['€ 12,50', 12.5],
    ['(3.00)', -3],
    ['1.234', 1234],
    ['no number', null],
  ])('when %s is read, then it is %s', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });
});

describe('field locations', () => {
  const pages = layoutPages([
    { page: 1, text: 'TOTAL: 1,540.00' },
    { page: 2, text: 'Paid 1,440.00' },
  ]);

  it('when pages are laid out, then word offsets count one form feed between pages', () => {
    expect(pages[1]!.offset).toBe('TOTAL: 1,540.00'.length + 1);
    expect(pages[1]!.words.map((w) => w.text)).toEqual(['Paid', '1,440.00']);
    const joined = 'TOTAL: 1,540.00\fPaid 1,440.00';
    for (const w of pages.flatMap((p) => p.words))
      expect(joined.slice(w.start, w.end)).toBe(w.text);
  });

  it('when a field has a span, then its range and page come from it and boxes stay empty', () => {
    expect(locateField({ span: { start: 7, end: 15, page: 1 } })).toEqual({
      range: { start: 7, end: 15 },
      page: 1,
      boxes: [],
    });
    expect(locateField(undefined)).toEqual({ range: null, page: null, boxes: [] });
  });

  it('when the API gives boxes, then they are passed to the page viewer', () => {
    const box = { page: 2, x: 0.1, y: 0.2, width: 0.3, height: 0.05 };
    expect(locateField({ boxes: [box] })).toEqual({ range: null, page: 2, boxes: [box] });
  });

  it('when a range is picked across words, then its text is returned with whitespace collapsed', () => {
    const words = pages.flatMap((p) => p.words);
    const range = { start: words[2]!.start, end: words[3]!.end };
    expect(pickedText(pages, range)).toBe('Paid 1,440.00');
    expect(overlaps(words[1]!, { start: 7, end: 15 })).toBe(true);
    expect(overlaps(words[0]!, { start: 7, end: 15 })).toBe(false);
  });
});

describe('text on a PDF page', () => {
  const items = [
    {
      text: 'TOTAL DUE: GBP 1,540.00',
      box: { page: 1, x: 0.1, y: 0.5, width: 0.46, height: 0.04 },
    },
  ];

  it('when a field text is inside a run, then its box is the run cut to the match', () => {
    const [box] = boxesForText(items, 'GBP 1,540.00');
    expect(box!.x).toBeCloseTo(0.1 + (11 / 23) * 0.46);
    expect(box!.width).toBeCloseTo((12 / 23) * 0.46);
    expect(boxesForText(items, '9,999.00')).toEqual([]);
  });

  it('when a point of the page is clicked, then the word under it is found', () => {
    const words = wordsOf(items);
    expect(words.map((w) => w.text)).toEqual(['TOTAL', 'DUE:', 'GBP', '1,540.00']);
    expect(wordUnder(words, 0.1 + 0.46 * (20 / 23), 0.52)?.text).toBe('1,540.00');
    expect(wordUnder(words, 0.1 + 0.46 * (13 / 23), 0.52)?.text).toBe('GBP');
    expect(wordUnder(words, 0.9, 0.52)).toBeUndefined();
  });

  it('when a box is dragged over words on two lines, then their text comes in reading order', () => {
    const words = wordsOf([
      ...items,
      { text: 'Paid 1,440.00', box: { page: 1, x: 0.1, y: 0.56, width: 0.26, height: 0.04 } },
      { text: 'elsewhere', box: { page: 2, x: 0.1, y: 0.5, width: 0.2, height: 0.04 } },
    ]);
    // dragged from the bottom right to the top left, around "GBP 1,540.00" and "1,440.00"
    const drawn = boxBetween(1, [0.6, 0.61], [0.27, 0.49]);
    expect(textInBox(words, drawn)).toBe('GBP 1,540.00 1,440.00');
    expect(textInBox(words, boxBetween(1, [0, 0], [0.05, 0.05]))).toBe('');
  });

  it('when words of one line differ in height, then a dragged box still reads them left to right', () => {
    const words = [
      { text: '1,540.00', box: { page: 1, x: 0.38, y: 0.49, width: 0.12, height: 0.034 } },
      { text: 'GBP', box: { page: 1, x: 0.3, y: 0.492, width: 0.06, height: 0.027 } },
      { text: '1,440.00', box: { page: 1, x: 0.38, y: 0.55, width: 0.12, height: 0.03 } },
    ];
    expect(textInBox(words, boxBetween(1, [0.29, 0.48], [0.51, 0.6]))).toBe(
      'GBP 1,540.00 1,440.00',
    );
  });
});

describe("the API's words on a scanned page", () => {
  const answer = {
    pages: [
      {
        page: 1,
        words: [
          {
            page: 1,
            text: 'TOTAL',
            box: { x0: 0.1, y0: 0.5, x1: 0.2, y1: 0.54 },
            start: 0,
            end: 5,
          },
          { page: 1, text: 'GBP', box: { x0: 0.3, y0: 0.5, x1: 0.36, y1: 0.54 }, start: 6, end: 9 },
          {
            page: 1,
            text: '1,540.00',
            box: { x0: 0.38, y0: 0.49, x1: 0.5, y1: 0.55 },
            start: 10,
            end: 18,
          },
        ],
      },
      { page: 2, words: [] },
    ],
    fields: [
      { field: 'total', page: 1, box: { x0: 0.3, y0: 0.49, x1: 0.5, y1: 0.55 } },
      { field: 'lineItems[2].amount', page: 1, box: { x0: 0.1, y0: 0.5, x1: 0.2, y1: 0.54 } },
    ],
  };
  const words = documentWords(answer);

  it('when the answer is read, then pages with words and field boxes are kept under console keys', () => {
    expect([...words.pages.keys()]).toEqual([1]);
    expect(words.pages.get(1)![2]).toMatchObject({
      text: '1,540.00',
      range: { start: 10, end: 18 },
    });
    expect(words.pages.get(1)![2]!.box.width).toBeCloseTo(0.12);
    expect([...words.fields.keys()]).toEqual(['total', 'lineItems/2/amount']);
    expect(fieldKeyOf('vendor.name')).toBe('vendor.name');
  });

  it("when a field is as extracted, then the API's box is drawn; once picked elsewhere, its words' box", () => {
    const total = fieldBoxes(words, 'total', { changed: false, span: { start: 6, end: 18 } });
    expect(total).toEqual([
      { page: 1, x: 0.3, y: 0.49, width: expect.closeTo(0.2), height: expect.closeTo(0.06) },
    ]);
    const picked = fieldBoxes(words, 'total', { changed: true, span: { start: 0, end: 5 } });
    expect(picked).toEqual([
      { page: 1, x: 0.1, y: 0.5, width: expect.closeTo(0.1), height: expect.closeTo(0.04) },
    ]);
    expect(fieldBoxes(words, 'date', { changed: false })).toEqual([]);
  });

  it('when words with offsets are picked, then the field gets their text and their span', () => {
    const [, gbp, amount] = words.pages.get(1)!;
    expect(pickOf([gbp!, amount!])).toEqual({ text: 'GBP 1,540.00', range: { start: 6, end: 18 } });
    expect(pickOf(wordsOf([{ text: 'a b', box: gbp!.box }]))).toEqual({ text: 'a b' });
    expect(pickOf([])).toBeNull();
  });
});

describe('the review body', () => {
  const result = {
    docType: 'invoice',
    fields: {
      total: { value: 1540, raw: 'GBP 1,540.00', confidence: 0.75, span: { start: 0, end: 12 } },
      buyerName: { value: 'Northwind', confidence: 0.85 },
    },
    tables: { taxLines: [{ rate: { value: 20, confidence: 0.9 } }] },
  };

  it('when one field is corrected, then it goes back typed with confidence 1 and the others unchanged', () => {
    const draft = draftFrom(result);
    draft.fields.total = {
      ...draft.fields.total!,
      text: '1,440.00',
      changed: true,
      span: { start: 5, end: 13 },
    };
    const body = reviewBody(draft);
    expect(body.fields.total).toEqual({
      value: 1440,
      raw: '1,440.00',
      confidence: 1,
      span: { start: 5, end: 13 },
    });
    expect(body.fields.buyerName).toBe(result.fields.buyerName);
    expect(body.tables).toEqual(result.tables);
    expect(body.docType).toBe('invoice');
  });
});

describe('days of the date filter', () => {
  it('when a day is turned into bounds and back, then both bounds fall on that local day and cover all of it', () => {
    const { createdFrom, createdTo } = dayBounds('2026-03-14', '2026-03-14');
    expect(localDay(createdFrom)).toBe('2026-03-14');
    expect(localDay(createdTo)).toBe('2026-03-14');
    expect(Date.parse(createdTo!) - Date.parse(createdFrom!)).toBe(86_400_000 - 1);
    expect(dayBounds(undefined, undefined)).toEqual({});
  });
});

describe('confidence and CSV', () => {
  it('when confidences are banded, then the bands are high, medium and low', () => {
    expect([0.9, 0.7, 0.3].map(confidenceLevel)).toEqual(['high', 'medium', 'low']);
  });

  it('when rows are exported, then cells are quoted as needed and formulas are defused', () => {
    expect(
      toCsv([
        { a: 'x,y', b: 1 },
        { a: '=SUM(A1)', c: null },
      ]),
    ).toBe('a,b,c\r\n"x,y",1,\r\n\'=SUM(A1),,\r\n');
  });
});
