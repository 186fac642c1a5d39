import JSZip from 'jszip';
import { permanentError } from '@docflow/platform';
import type { Extraction } from './extracted';

const BODY = 'word/document.xml';

/**
 * The text of a Word (DOCX) document, page by page where the file marks pages (explicit page
 * breaks, and the breaks Word recorded when it last laid the document out). Paragraphs and table
 * rows become lines, table cells are separated by tabs, the first header part opens the first page
 * and the first footer part closes the last.
 */
export async function extractDocx(bytes: Buffer): Promise<Extraction> {
  const started = performance.now();
  const zip = await openDocx(bytes);
  // the scanner refused bodies that inflate too far
  const body = await zip.file(BODY)?.async('string');
  if (body === undefined)
    throw permanentError(
      'DOCUMENT_UNREADABLE',
      'the Word document has no body (word/document.xml)',
    );
  const pages = wordXmlToPages(body).map((page) => page.trim());
  const header = await firstPart(zip, /^word\/header\d*\.xml$/);
  const footer = await firstPart(zip, /^word\/footer\d*\.xml$/);
  if (header) pages[0] = `${header}\n${pages[0]}`;
  if (footer) pages[pages.length - 1] = `${pages[pages.length - 1]}\n${footer}`;
  const durationMs = (performance.now() - started) / pages.length;
  return {
    pages: pages.map((text, index) => ({
      page: index + 1,
      text,
      method: 'text_layer',
      confidence: 1,
      durationMs,
    })),
  };
}

async function openDocx(bytes: Buffer): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (err) {
    throw permanentError(
      'DOCUMENT_UNREADABLE',
      `the Word document cannot be opened: ${String(err)}`,
    );
  }
}

async function firstPart(zip: JSZip, name: RegExp): Promise<string> {
  const names = Object.keys(zip.files)
    .filter((n) => name.test(n))
    .sort();
  const xml = names[0] ? await zip.file(names[0])?.async('string') : undefined;
  return xml ? wordXmlToPages(xml).join('\n').trim() : '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });

/**
 * WordprocessingML to text pages: `w:t` runs are the text; a paragraph ends a line (a space inside
 * a table cell, so a row stays one line); `w:tab` is a tab, `w:br`/`w:cr` a line break; a cell ends
 * with a tab, a row with a line; a page break starts a new page.
 */
export function wordXmlToPages(xml: string): string[] {
  const pages: string[] = [];
  let page = '';
  let cellDepth = 0;
  let inText = false;
  // Word writes a text box twice: for current readers (mc:Choice) and older ones (mc:Fallback)
  let fallbackDepth = 0;
  let inTabStops = false; // w:tabs lists a paragraph's tab stops: its w:tab are no characters
  const newPage = () => {
    if (page.trim()) pages.push(page);
    page = '';
  };
  const tokens = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let match = tokens.exec(xml); match; match = tokens.exec(xml)) {
    const [, closing, tag, attributes = '', selfClosing, text] = match;
    if (text !== undefined) {
      if (inText && fallbackDepth === 0) page += decodeXml(text);
      continue;
    }
    const opening = !closing;
    if (tag === 'mc:Fallback' && !selfClosing) fallbackDepth += opening ? 1 : -1;
    if (fallbackDepth > 0) continue;
    switch (tag) {
      case 'w:t':
        inText = opening && !selfClosing;
        break;
      case 'w:tabs':
        inTabStops = opening && !selfClosing;
        break;
      case 'w:tab':
        if (opening && !inTabStops) page += '\t';
        break;
      case 'w:br':
        if (/w:type="page"/.test(attributes)) newPage();
        else page += cellDepth > 0 ? ' ' : '\n';
        break;
      case 'w:cr':
        page += cellDepth > 0 ? ' ' : '\n';
        break;
      case 'w:lastRenderedPageBreak':
        newPage();
        break;
      case 'w:p':
        if (closing) page += cellDepth > 0 ? ' ' : '\n';
        break;
      case 'w:tc':
        if (opening && !selfClosing) cellDepth++;
        else if (closing) {
          cellDepth = Math.max(0, cellDepth - 1);
          page = `${page.replace(/ +$/, '')}\t`;
        }
        break;
      case 'w:tr':
        if (closing) page = `${page.replace(/\t$/, '')}\n`;
        break;
    }
  }
  newPage();
  return pages.length > 0 ? pages : [''];
}
