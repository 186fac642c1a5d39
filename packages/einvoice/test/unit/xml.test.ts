import { EInvoiceError, all, at, attribute, parseXml, textAt } from '@docflow/einvoice';

function refusal(xml: string | Uint8Array, limits?: Parameters<typeof parseXml>[1]): EInvoiceError {
  try {
    parseXml(xml, limits);
  } catch (err) {
    if (err instanceof EInvoiceError) return err;
    throw err;
  }
  throw new Error('parseXml accepted the input');
}

describe('parseXml', () => {
  it('when elements carry namespace prefixes, then names are local and namespaces resolved', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<rsm:Doc xmlns:rsm="urn:a" xmlns:ram="urn:b" rsm:id="7">' +
        '<ram:Line><ram:Name>One &amp; two</ram:Name></ram:Line><ram:Line><ram:Name>Three</ram:Name></ram:Line></rsm:Doc>',
    );
    expect(root).toMatchObject({ name: 'Doc', ns: 'urn:a', attributes: { id: '7' } });
    expect(at(root, 'Line')?.ns).toBe('urn:b');
    expect(textAt(root, 'Line/Name')).toBe('One & two');
    expect(all(root, 'Line/Name').map((n) => n.text)).toEqual(['One & two', 'Three']);
    expect(attribute(root, 'missing')).toBeNull();
  });

  it('when a default namespace is declared, then unprefixed elements are in it', () => {
    const root = parseXml('<Invoice xmlns="urn:inv"><ID>1</ID></Invoice>');
    expect(at(root, 'ID')?.ns).toBe('urn:inv');
  });

  it('when text sits in a CDATA section, then it is the element text, not parsed', () => {
    const root = parseXml(
      '<a><Description><![CDATA[<Invoice><ID>1</ID></Invoice>]]></Description></a>',
    );
    expect(textAt(root, 'Description')).toBe('<Invoice><ID>1</ID></Invoice>');
  });

  it('when the input is an external-entity (XXE) payload, then it is refused before parsing', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
    expect(refusal(xxe).code).toBe('XML_DTD_REFUSED');
    const parameterEntity =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><d/>';
    expect(refusal(parameterEntity).code).toBe('XML_DTD_REFUSED');
  });

  it('when the input is a billion-laughs payload, then it is refused without expanding', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      '<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
      ),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const started = Date.now();
    expect(refusal(lol).code).toBe('XML_DTD_REFUSED');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('when a doctype is written in lower case or after a comment, then it is still refused', () => {
    expect(refusal('<!-- x --><!doctype a SYSTEM "http://x/a.dtd"><a/>').code).toBe(
      'XML_DTD_REFUSED',
    );
  });

  it('when an undeclared entity is referenced, then the text keeps it literally, unexpanded', () => {
    const root = parseXml('<a>&custom;</a>');
    expect(root.text).toBe('&custom;');
  });

  it('when the input is not well-formed, then XML_MALFORMED says where', () => {
    const err = refusal('<a><b></a>');
    expect(err.code).toBe('XML_MALFORMED');
    expect(err.message).toMatch(/line 1/);
    expect(refusal('not xml at all').code).toBe('XML_MALFORMED');
    expect(refusal('').code).toBe('XML_MALFORMED');
  });

  it('when the input is over the size cap, then XML_TOO_LARGE before any parsing', () => {
    const err = refusal('<a>' + 'x'.repeat(2000) + '</a>', {
      maxBytes: 1000,
      maxDepth: 100,
      maxElements: 10,
    });
    expect(err.code).toBe('XML_TOO_LARGE');
  });

  it('when elements nest too deep or are too many, then XML_TOO_COMPLEX', () => {
    const deep = '<a>'.repeat(150) + '</a>'.repeat(150);
    expect(refusal(deep).code).toBe('XML_TOO_COMPLEX');
    const many = '<a>' + '<b/>'.repeat(50) + '</a>';
    expect(refusal(many, { maxBytes: 10_000, maxDepth: 10, maxElements: 20 }).code).toBe(
      'XML_TOO_COMPLEX',
    );
  });

  it('when bytes declare ISO-8859-1, then they are decoded by it', () => {
    const head = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>Espa');
    const bytes = Buffer.concat([head, Buffer.from([0xf1]), Buffer.from('a</a>')]);
    expect(parseXml(bytes).text).toBe('España');
  });

  it('when UTF-8 bytes start with a byte-order mark, then they parse', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>ü</a>')]);
    expect(parseXml(bytes).text).toBe('ü');
  });
});
