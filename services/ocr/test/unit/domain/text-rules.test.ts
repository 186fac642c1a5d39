import { characterErrorRate } from '../../../src/domain/character-error-rate';
import { decodeText } from '../../../src/domain/decode-text';
import { guessLanguage } from '../../../src/domain/guess-language';
import { rowsToText } from '../../../src/domain/rows-to-text';
import { isUsableText } from '../../../src/domain/usable-text';

describe('decodeText', () => {
  const spanish = 'Señor Muñoz, ¿cuándo llega la factura?';

  test('when bytes are valid UTF-8, then they are read as UTF-8', () => {
    expect(decodeText(Buffer.from(spanish, 'utf8'))).toEqual({ text: spanish, encoding: 'utf-8' });
  });

  test('when bytes are Latin-1, then they are read as Windows-1252 with the same text', () => {
    expect(decodeText(Buffer.from(spanish, 'latin1'))).toEqual({
      text: spanish,
      encoding: 'windows-1252',
    });
  });

  test('when Windows-1252 bytes carry the euro sign, then it is decoded', () => {
    expect(decodeText(Buffer.from([0x31, 0x30, 0x20, 0x80])).text).toBe('10 €');
  });

  test('when a UTF-8 BOM or UTF-16 BOM leads, then the BOM decides', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({
      text: 'hi',
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]))).toEqual({
      text: 'hi',
      encoding: 'utf-16le',
    });
  });
});

describe('characterErrorRate', () => {
  test('when texts differ only in whitespace, then the rate is 0', () => {
    expect(characterErrorRate('Total  GBP\n2030.40', 'Total GBP 2030.40')).toBe(0);
  });

  test('when one character of ten is wrong, then the rate is 10 %', () => {
    expect(characterErrorRate('abcdefghij', 'abcdefghiX')).toBeCloseTo(0.1);
  });

  test('when characters are missing or extra, then each counts once', () => {
    expect(characterErrorRate('abcd', 'abd')).toBeCloseTo(0.25);
    expect(characterErrorRate('abcd', 'abcde')).toBeCloseTo(0.25);
  });
});

describe('isUsableText', () => {
  test('when a page has enough letters, then its text layer is used', () => {
    expect(isUsableText('Invoice 2024-0117 Northwind', 16)).toBe(true);
  });

  test("when a page has only a few characters or replacement glyphs, then it is OCR'd instead", () => {
    expect(isUsableText(' 1 \n', 16)).toBe(false);
    expect(isUsableText('\uFFFD'.repeat(40) + 'abcdefghijklmnopq', 16)).toBe(false);
  });
});

describe('rowsToText and guessLanguage', () => {
  test('when rows have trailing empty cells and empty rows, then they are dropped', () => {
    expect(rowsToText([['a', 'b', ''], [], ['', 'c']])).toBe('a\tb\n\tc');
  });

  test('when the text is Spanish or English, then the language is guessed', () => {
    expect(guessLanguage('Factura de la empresa, fecha de pago y total del pedido')).toBe('es');
    expect(guessLanguage('Invoice total due by the date of payment for the order')).toBe('en');
    expect(guessLanguage('12 34')).toBeUndefined();
  });
});
