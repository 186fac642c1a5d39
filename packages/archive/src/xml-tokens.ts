/** One piece of an XML document: a start tag, an end tag, or character data. */
export type XmlToken =
  | { kind: 'open'; name: string; attributes: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const isNameEnd = (code: number): boolean =>
  code === 0x20 ||
  code === 0x09 ||
  code === 0x0a ||
  code === 0x0d ||
  code === 0x2f ||
  code === 0x3e;

/**
 * The tags and text of an XML document, in order, in one pass: every step moves forward with
 * indexOf, so time grows linearly with the input whatever it holds (an unterminated tag ends the
 * document; a regex would rescan the rest from every `<`). Comments, processing instructions and
 * declarations are skipped; CDATA is text (already decoded). Text of other kinds is raw: decode
 * entities with `decodeXml`. A tag's name is what follows `<` up to a space, `/` or `>`; its
 * attributes are the raw rest (read them with `xmlAttribute`).
 */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      yield { kind: 'text', text: decodeXml(xml.slice(at)) };
      return;
    }
    if (lt > at) yield { kind: 'text', text: decodeXml(xml.slice(at, lt)) };
    if (xml.startsWith('<!--', lt)) {
      at = skipPast(xml, '-->', lt + 4);
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return;
      yield { kind: 'text', text: xml.slice(lt + 9, end) };
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      at = skipPast(xml, '?>', lt + 2);
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return;
    at = gt + 1;
    if (xml[lt + 1] === '!') continue;
    const closing = xml[lt + 1] === '/';
    let nameEnd = closing ? lt + 2 : lt + 1;
    const nameStart = nameEnd;
    while (nameEnd < gt && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    const name = xml.slice(nameStart, nameEnd);
    if (closing) yield { kind: 'close', name };
    else {
      const selfClosing = xml[gt - 1] === '/' && gt - 1 >= nameEnd;
      yield {
        kind: 'open',
        name,
        attributes: xml.slice(nameEnd, selfClosing ? gt - 1 : gt),
        selfClosing,
      };
    }
  }
}

const skipPast = (xml: string, marker: string, from: number): number => {
  const end = xml.indexOf(marker, from);
  return end < 0 ? xml.length : end + marker.length;
};

/**
 * The value of attribute `name` in a tag's raw attributes (decoded), or undefined. One pass: each
 * `name=` found is checked to start an attribute (after a space) and its value runs to the
 * matching quote.
 */
export function xmlAttribute(attributes: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at < 0) return undefined;
    let i = at + name.length;
    while (attributes[i] === ' ') i++;
    const before = at === 0 ? ' ' : attributes[at - 1]!;
    if (attributes[i] === '=' && /\s/.test(before)) {
      i++;
      while (attributes[i] === ' ') i++;
      const quote = attributes[i];
      if (quote === '"' || quote === "'") {
        const end = attributes.indexOf(quote, i + 1);
        if (end < 0) return undefined;
        return decodeXml(attributes.slice(i + 1, end));
      }
    }
    from = at + name.length;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces XML's five named entities and character references; others stay as written. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let at = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', at)) {
    out += text.slice(at, amp);
    const semi = text.indexOf(';', amp + 1);
    // entity names and references are short: a far `;` means this `&` is literal
    const name = semi > amp && semi - amp <= 12 ? text.slice(amp + 1, semi) : '';
    const decoded = name ? decodeEntity(name) : undefined;
    if (decoded === undefined) {
      out += '&';
      at = amp + 1;
    } else {
      out += decoded;
      at = semi + 1;
    }
  }
  return out + text.slice(at);
}

function decodeEntity(name: string): string | undefined {
  if (name[0] !== '#') return ENTITIES[name];
  const hex = name[1] === 'x' || name[1] === 'X';
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-f]+$/i : /^\d+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
