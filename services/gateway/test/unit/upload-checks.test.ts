import { MAX_METADATA_DEPTH, parseMetadata } from '../../src/domain/upload-metadata';
import { uploadFingerprint } from '../../src/domain/upload-fingerprint';

const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

describe('upload checks', () => {
  it.each([
    ['not JSON', '{oops', 'not JSON'],
    ['an array', '[1]', 'JSON object'],
    ['a string', '"x"', 'JSON object'],
    ['too large', JSON.stringify({ x: 'y'.repeat(100) }), 'larger than'],
    ['nested too deep', nested(MAX_METADATA_DEPTH + 1), 'nested deeper'],
    ['a __proto__ key', '{"a":{"__proto__":{"admin":true}}}', '__proto__'],
    ['a constructor.prototype key', '{"constructor":{"prototype":{}}}', 'constructor.prototype'],
    ['a key starting with $', '{"$where":"1"}', 'key "$where" may not start with "$"'],
    [
      'an operator as a value',
      '{"ref":{"$gt":""}}',
      'key "$gt" may not start with "$" or contain "." or NUL (at /ref/$gt)',
    ],
    ['a dotted key', '{"a":[{"b.c":1}]}', 'key "b.c" may not start with "$" or contain "."'],
  ])('when metadata is %s, then it is refused with a reason', (_what, text, reason) => {
    expect(() => parseMetadata(text, 64)).toThrow(
      expect.objectContaining({
        code: 'INVALID_METADATA',
        message: expect.stringContaining(reason),
      }),
    );
  });

  it('when a metadata key would be an operator or a path to the database, then the refusal names it', () => {
    expect(() => parseMetadata('{"ok":{"x.y":1}}', 64)).toThrow(
      expect.objectContaining({ details: { key: 'x.y', path: '/ok/x.y' } }),
    );
    expect(parseMetadata('{"price":"$5.00","a-b_c":[1]}', 64)).toEqual({
      price: '$5.00',
      'a-b_c': [1],
    });
  });

  it('when metadata is as deep as allowed or names a constructor, then it is kept as sent', () => {
    expect(parseMetadata(nested(MAX_METADATA_DEPTH), 4096)).toEqual(
      JSON.parse(nested(MAX_METADATA_DEPTH)),
    );
    expect(parseMetadata('{"constructor":"ACME builders"}', 64)).toEqual({
      constructor: 'ACME builders',
    });
  });

  it('when two uploads differ in a file, its name, their order or the metadata, then their fingerprints differ', () => {
    const a = { filename: 'a.pdf', sha256: '1'.repeat(64) };
    const b = { filename: 'b.pdf', sha256: '2'.repeat(64) };
    const base = uploadFingerprint([a, b], '{"ref":1}');
    expect(uploadFingerprint([a, b], '{"ref":1}')).toBe(base);
    for (const other of [
      uploadFingerprint([b, a], '{"ref":1}'),
      uploadFingerprint([a], '{"ref":1}'),
      uploadFingerprint([a, { ...b, filename: 'c.pdf' }], '{"ref":1}'),
      uploadFingerprint([a, b], '{"ref":2}'),
      uploadFingerprint([a, b], undefined),
    ])
      expect(other).not.toBe(base);
  });
});
