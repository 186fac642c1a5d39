import { decodeXml, xmlAttribute, xmlTokens } from '@docflow/archive';
import { withCpuTime } from '@docflow/testing';

describe('xmlTokens', () => {
  it('when a document has tags, text, comments and CDATA, then each comes out in order', () => {
    const xml = '<?xml version="1.0"?><!-- note --><a x="1"><b/>t &amp; u<![CDATA[<raw>]]></a>';

    expect([...xmlTokens(xml)]).toEqual([
      { kind: 'open', name: 'a', attributes: ' x="1"', selfClosing: false },
      { kind: 'open', name: 'b', attributes: '', selfClosing: true },
      { kind: 'text', text: 't & u' },
      { kind: 'text', text: '<raw>' },
      { kind: 'close', name: 'a' },
    ]);
  });

  it('when 10^5 tags are left unterminated, then tokenizing finishes in linear time', () => {
    const xml = `<w:t>ok</w:t>${'<w:t'.repeat(100_000)}`;
    const { result: tokens, cpuMs } = withCpuTime(() => [...xmlTokens(xml)]);

    expect(cpuMs).toBeLessThan(2_000);
    expect(tokens.map((t) => t.kind)).toEqual(['open', 'text', 'close']);
  });

  it('when a tag holds 10^5 stray "<" before its ">", then it is read once', () => {
    const xml = `<w:t${' <'.repeat(100_000)}>x</w:t>`;
    const { result: tokens, cpuMs } = withCpuTime(() => [...xmlTokens(xml)]);

    expect(cpuMs).toBeLessThan(2_000);
    expect(tokens).toHaveLength(3);
  });
});

describe('xmlAttribute and decodeXml', () => {
  it('when an attribute is asked for, then only a whole name matches and its value is decoded', () => {
    expect(xmlAttribute(' r:id="rId1" id="x&amp;y"', 'id')).toBe('x&y');
    expect(xmlAttribute(' r:id="rId1"', 'r:id')).toBe('rId1');
    expect(xmlAttribute(' name="a"', 'missing')).toBeUndefined();
  });

  it('when text has entities, references and stray ampersands, then only real ones are replaced', () => {
    expect(decodeXml('a &lt; b &#65;&#x42; & c &bogus; &')).toBe('a < b AB & c &bogus; &');
    expect(decodeXml('&'.repeat(100_000)).length).toBe(100_000);
  });
});
