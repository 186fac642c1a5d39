import {
  openZip,
  xmlAttribute,
  xmlTokens,
  type ArchiveLimits,
  type ZipArchive,
} from '@docflow/archive';
import { permanentError } from '@docflow/platform';
import { archiveFailure } from '../domain/archive-failure';
import { textGridLayout } from '../domain/text-grid-layout';
import type { Extraction } from './extracted';

const BODY = 'word/document.xml';

/**
 * The text of a Word (DOCX) document, page by page where the file marks pages (explicit page
 * breaks, and the breaks Word recorded when it last laid the document out). Paragraphs and table
 * rows become lines, table cells are separated by tabs, the first header part opens the first page
 * and the first footer part closes the last. Each word is boxed by its place in its page's text
 * (characters and lines: Word documents have no fixed layout). The body, header and footer inflate under `limits`
 * (this stage checks them itself: past one the document fails with BUDGET_EXCEEDED).
 */
export async function extractDocx(bytes: Buffer, limits: ArchiveLimits): Promise<Extraction> {
  const started = performance.now();
  let body: string | undefined;
  let header: string;
  let footer: string;
  try {
    const zip = openZip(bytes, limits);
    body = await zip.text(BODY);
    if (body === undefined)
      throw permanentError(
        'DOCUMENT_UNREADABLE',
        'the Word document has no body (word/document.xml)',
      );
    header = await firstPart(zip, /^word\/header\d*\.xml$/);
    footer = await firstPart(zip, /^word\/footer\d*\.xml$/);
  } catch (err) {
    throw archiveFailure(err, 'Word document', 'DOCUMENT_UNREADABLE');
  }
  const pages = wordXmlToPages(body).map((page) => page.trim());
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
      layout: textGridLayout(text),
    })),
  };
}

async function firstPart(zip: ZipArchive, name: RegExp): Promise<string> {
  const first = zip.names.filter((n) => name.test(n)).sort()[0];
  const xml = first === undefined ? undefined : await zip.text(first);
  return xml ? wordXmlToPages(xml).join('\n').trim() : '';
}

/**
 * WordprocessingML to text pages: `w:t` runs are the text; a paragraph ends a line (a space inside
 * a table cell, so a row stays one line); `w:tab` is a tab, `w:br`/`w:cr` a line break; a cell ends
 * with a tab, a row with a line; a page break starts a new page.
 */
export function wordXmlToPages(xml: string): string[] {
  const pages: string[] = [];
  const page = createPageText();
  let cellDepth = 0;
  let inText = false;
  // Word writes a text box twice: for current readers (mc:Choice) and older ones (mc:Fallback)
  let fallbackDepth = 0;
  let inTabStops = false; // w:tabs lists a paragraph's tab stops: its w:tab are no characters
  const newPage = () => {
    const text = page.take();
    if (text.trim()) pages.push(text);
  };
  const lineEnd = () => page.add(cellDepth > 0 ? ' ' : '\n');
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      if (inText && fallbackDepth === 0) page.add(token.text);
      continue;
    }
    const opening = token.kind === 'open';
    const closing = !opening;
    const selfClosing = opening && token.selfClosing;
    const tag = token.name;
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
        if (opening && !inTabStops) page.tab();
        break;
      case 'w:br':
        if (opening && xmlAttribute(token.attributes, 'w:type') === 'page') newPage();
        else lineEnd();
        break;
      case 'w:cr':
        lineEnd();
        break;
      case 'w:lastRenderedPageBreak':
        newPage();
        break;
      case 'w:p':
        if (closing) lineEnd();
        break;
      case 'w:tc':
        if (opening && !selfClosing) cellDepth++;
        else if (closing) {
          cellDepth = Math.max(0, cellDepth - 1);
          page.endCell();
        }
        break;
      case 'w:tr':
        if (closing) page.endRow();
        break;
    }
  }
  newPage();
  return pages.length > 0 ? pages : [''];
}

/**
 * A page's text built by appending only: trailing spaces and a trailing tab are held back until
 * more text comes, so a cell's end can drop its trailing spaces and a row's end its last tab
 * without cutting the string (which would copy the whole page at every cell).
 */
function createPageText() {
  let text = '';
  let tabHeld = false;
  let spacesHeld = 0;
  const flush = () => {
    if (tabHeld) text += '\t';
    if (spacesHeld > 0) text += ' '.repeat(spacesHeld);
    tabHeld = false;
    spacesHeld = 0;
  };
  return {
    add(part: string) {
      let end = part.length;
      while (end > 0 && part.charCodeAt(end - 1) === 0x20) end--;
      if (end > 0) {
        flush();
        text += part.slice(0, end);
      }
      spacesHeld += part.length - end;
    },
    tab() {
      flush();
      tabHeld = true;
    },
    /** A cell ends with a tab, its trailing spaces dropped. */
    endCell() {
      spacesHeld = 0;
      this.tab();
    },
    /** A row ends a line, its last cell's tab dropped. */
    endRow() {
      if (spacesHeld === 0) tabHeld = false;
      flush();
      text += '\n';
    },
    take(): string {
      flush();
      const all = text;
      text = '';
      return all;
    },
  };
}
