import { detectType } from '../../../src/domain/detect-type';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('detectType', () => {
  test.each([
    ['a PDF header', bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), 'pdf'],
    ['a PDF header after junk bytes', bytes('\r\n\r\n%PDF-1.4\n'), 'pdf'],
    ['the PNG signature', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['the JPEG SOI marker', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['a little-endian TIFF header', bytes('II*\0', [8, 0, 0, 0]), 'tiff'],
    ['a big-endian TIFF header', bytes('MM\0*', [0, 0, 0, 8]), 'tiff'],
    ['a RIFF/WEBP header', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    [
      'a ZIP holding an XLSX workbook',
      bytes('PK\x03\x04....[Content_Types].xml....xl/workbook.xml'),
      'xlsx',
    ],
    ['a Word document', bytes('PK\x03\x04[Content_Types].xml word/document.xml'), 'docx'],
    [
      'UTF-8 prose',
      Buffer.from('Factura nº 12\nImporte: 1.234,56 €\nGracias por su compra.\n'),
      'text',
    ],
    ['Latin-1 prose', Buffer.from('Señor Muñoz\nFactura pendiente de pago.\n', 'latin1'), 'text'],
    [
      'comma-separated rows',
      Buffer.from('date,amount,note\n2024-01-01,10.00,"a, b"\n2024-01-02,11.00,c\n'),
      'csv',
    ],
    [
      'semicolon-separated rows',
      Buffer.from('fecha;importe\n2024-01-01;10,00\n2024-01-02;11,50\n'),
      'csv',
    ],
  ])('when the bytes start with %s, then the type is allowed as %s', (_what, input, expected) => {
    expect(detectType(input)).toMatchObject({ allowed: true, type: expected });
  });

  test.each([
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0]), 'exe'],
    ['an ELF executable', bytes([0x7f], 'ELF', [2, 1, 1]), 'elf'],
    ['a plain ZIP', bytes('PK\x03\x04', 'readme.txt'), 'zip'],
    ['a PowerPoint deck', bytes('PK\x03\x04[Content_Types].xml ppt/presentation.xml'), 'pptx'],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['a legacy Office file', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ole'],
    ['HTML', Buffer.from('  <!DOCTYPE html><html><body>hi</body></html>'), 'markup'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'markup'],
    ['binary noise', Buffer.from([1, 2, 3, 0, 0, 250, 17, 4, 0, 9]), 'unknown'],
  ])('when the bytes are %s, then the type is refused as %s', (_what, input, detected) => {
    expect(detectType(input)).toMatchObject({ allowed: false, detected });
  });

  test('when a PDF carries a .png name elsewhere, then only its bytes count', () => {
    // The function never sees names: a PDF is a PDF whatever the upload claimed.
    expect(detectType(bytes('%PDF-1.3\n'))).toMatchObject({ type: 'pdf', mime: 'application/pdf' });
  });
});
