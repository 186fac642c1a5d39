import { decodeCursor, encodeCursor } from '../../src/domain/cursor';
import { cleanFilename } from '../../src/domain/intake';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('gateway domain', () => {
  it('when a cursor round-trips, then it decodes to the same position, and a forged one is refused', () => {
    const cursor = { createdAt: at(5), id: 'abc' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('eyJ4IjoxfQ')).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
    expect(() => decodeCursor('%%%')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it('when a client sends a path or control characters as a file name, then only a clean base name is kept', () => {
    expect(cleanFilename('C:\\Users\\x\\factura.pdf')).toBe('factura.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b\u001fc.pdf')).toBe('abc.pdf');
    expect(cleanFilename(undefined)).toBe('upload');
    expect(cleanFilename('x'.repeat(400))).toHaveLength(255);
  });
});
