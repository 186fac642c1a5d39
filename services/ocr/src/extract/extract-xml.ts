import { parseXml, type XmlElement } from '@docflow/einvoice';
import type { Extraction } from './extracted';

/**
 * An XML file (hardened parse, as in the scanner) as one page of text for search and review: each
 * element holding text as `Name: text`, in document order.
 */
export function extractXml(bytes: Buffer): Extraction {
  const started = performance.now();
  const lines: string[] = [];
  const stack: XmlElement[] = [parseXml(bytes)];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.text !== '') lines.push(`${el.name}: ${el.text.replace(/\s+/g, ' ')}`);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return {
    pages: [
      {
        page: 1,
        text: lines.join('\n'),
        method: 'xml',
        confidence: 1,
        durationMs: performance.now() - started,
      },
    ],
  };
}
