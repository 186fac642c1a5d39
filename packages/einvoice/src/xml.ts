import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EInvoiceError } from './einvoice-error';
import { decodeXml } from './xml-decode';
import type { XmlElement } from './xml-element';

export { all, at, attribute, child, children, descendant, text, textAt } from './xml-element';
export type { XmlElement } from './xml-element';

export interface XmlLimits {
  /** Largest input accepted, in bytes of UTF-8 (default 20 MiB: UBL may embed attachments). */
  maxBytes: number;
  /** Deepest element nesting accepted (default 100; real e-invoices stay under 15). */
  maxDepth: number;
  /** Most elements accepted (default 200 000). */
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxDepth: 100,
  maxElements: 200_000,
};

/** `<!DOCTYPE` or `<!ENTITY` outside CDATA sections and comments. */
const DTD = /<!(DOCTYPE|ENTITY)/i;
const CDATA_OR_COMMENT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;

// No DTD is ever read (refused before parsing), so the only entities are XML's five and
// character references; attribute and text values stay strings.
const parserOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
};

/**
 * Parses untrusted XML into an element tree, hardened: input over the size cap, any DTD or entity
 * declaration, malformed XML and excessive nesting are refused with a typed EInvoiceError before
 * anything is expanded or fetched. CPU-heavy on large input: run it under the budget runner where
 * the input is user data (see read-task.ts).
 */
export function parseXml(
  input: string | Uint8Array,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): XmlElement {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes) {
    throw new EInvoiceError(
      'XML_TOO_LARGE',
      `the XML is ${size} bytes, over the ${limits.maxBytes}-byte limit`,
      {
        details: { sizeBytes: size, maxBytes: limits.maxBytes },
      },
    );
  }
  const xml = (typeof input === 'string' ? input : decodeXml(input)).replace(/^\uFEFF/, '');
  const dtd = DTD.exec(xml.replace(CDATA_OR_COMMENT, ''));
  if (dtd) {
    throw new EInvoiceError(
      'XML_DTD_REFUSED',
      `the XML declares <!${dtd[1]!.toUpperCase()}: DTDs and entities are refused`,
    );
  }
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new EInvoiceError(
      'XML_MALFORMED',
      `the XML is not well-formed: ${msg} (line ${line}, column ${col})`,
      {
        details: { line, column: col },
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = new XMLParser({ ...parserOptions, maxNestedTags: limits.maxDepth }).parse(xml);
  } catch (cause) {
    if (/nested tags/i.test(messageOf(cause))) {
      throw new EInvoiceError(
        'XML_TOO_COMPLEX',
        `the XML nests elements deeper than ${limits.maxDepth} levels`,
        { cause },
      );
    }
    throw new EInvoiceError('XML_MALFORMED', `the XML is not well-formed: ${messageOf(cause)}`, {
      cause,
    });
  }
  const roots = toElements(parsed, new Map(), { limits, count: 0 }, 1);
  if (roots.length !== 1) {
    throw new EInvoiceError('XML_MALFORMED', `the XML has ${roots.length} root elements, not one`);
  }
  return roots[0]!;
}

type OrderedNode = Record<string, unknown>;
interface Walk {
  limits: XmlLimits;
  count: number;
}

function toElements(
  nodes: unknown,
  scope: Map<string, string>,
  walk: Walk,
  depth: number,
): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  if (depth > walk.limits.maxDepth) {
    throw new EInvoiceError(
      'XML_TOO_COMPLEX',
      `the XML nests elements deeper than ${walk.limits.maxDepth} levels`,
    );
  }
  const elements: XmlElement[] = [];
  for (const node of nodes as OrderedNode[]) {
    const qname = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (qname === undefined) continue;
    if (++walk.count > walk.limits.maxElements) {
      throw new EInvoiceError(
        'XML_TOO_COMPLEX',
        `the XML has more than ${walk.limits.maxElements} elements`,
      );
    }
    elements.push(toElement(qname, node, scope, walk, depth));
  }
  return elements;
}

function toElement(
  qname: string,
  node: OrderedNode,
  outer: Map<string, string>,
  walk: Walk,
  depth: number,
): XmlElement {
  const rawAttributes = (node[':@'] ?? {}) as Record<string, unknown>;
  let scope = outer;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === outer) scope = new Map(outer);
      scope.set(key === 'xmlns' ? '' : key.slice(6), String(value));
    } else {
      attributes[localName(key)] = String(value);
    }
  }
  const content = node[qname];
  const texts = Array.isArray(content)
    ? (content as OrderedNode[]).filter((c) => '#text' in c).map((c) => String(c['#text']))
    : [];
  const colon = qname.indexOf(':');
  return {
    name: localName(qname),
    ns: scope.get(colon < 0 ? '' : qname.slice(0, colon)) ?? '',
    attributes,
    children: toElements(content, scope, walk, depth + 1),
    text: texts.join('').trim(),
  };
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
