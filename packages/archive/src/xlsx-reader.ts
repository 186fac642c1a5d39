import { corrupt, tooLarge } from './archive-error';
import type { ArchiveLimits } from './archive-limits';
import { xmlAttribute, xmlTokens } from './xml-tokens';
import { openZip } from './zip-reader';

/** One sheet of a workbook: its name and its rows of cells as displayed text. */
export interface Sheet {
  name: string;
  rows: string[][];
}

/**
 * Every sheet of an XLSX workbook, in workbook order: rows that hold a value, each cell as text
 * (shared and inline strings, numbers as JavaScript prints them, booleans as true/false, errors
 * empty, numbers in a date format as ISO dates), gaps between cells as empty strings. Reads the
 * ZIP under `limits` (ArchiveError too_large past one) and the XML in one linear pass per part;
 * a workbook without its parts is an ArchiveError corrupt.
 */
export async function readXlsx(bytes: Buffer, limits: ArchiveLimits): Promise<Sheet[]> {
  const zip = openZip(bytes, limits);
  const workbook = await zip.text('xl/workbook.xml');
  if (workbook === undefined) throw corrupt('workbook has no xl/workbook.xml');
  const targets = relationshipTargets((await zip.text('xl/_rels/workbook.xml.rels')) ?? '');
  const strings = sharedStrings((await zip.text('xl/sharedStrings.xml')) ?? '');
  const dateStyles = dateStyleIndexes((await zip.text('xl/styles.xml')) ?? '');
  const date1904 = /date1904="(1|true)"/.test(workbook.slice(0, 4096));
  const sheets: Sheet[] = [];
  const cells = { left: limits.maxCells, limit: limits.maxCells };
  for (const token of xmlTokens(workbook)) {
    if (token.kind !== 'open' || token.name !== 'sheet') continue;
    const name = xmlAttribute(token.attributes, 'name') ?? `Sheet${sheets.length + 1}`;
    const target = targets.get(xmlAttribute(token.attributes, 'r:id') ?? '');
    const xml = target === undefined ? undefined : await zip.text(target);
    if (xml === undefined) throw corrupt(`workbook sheet "${name.slice(0, 100)}" has no part`);
    sheets.push({ name, rows: sheetRows(xml, strings, dateStyles, date1904, cells) });
  }
  return sheets;
}

function relationshipTargets(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const token of xmlTokens(xml)) {
    if (token.kind !== 'open' || token.name !== 'Relationship') continue;
    const id = xmlAttribute(token.attributes, 'Id');
    const target = xmlAttribute(token.attributes, 'Target');
    if (id && target)
      targets.set(
        id,
        target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`,
      );
  }
  return targets;
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0; // rPh runs are reading aids, not the cell's text
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      if (inText && phonetic === 0) current += token.text;
    } else if (token.name === 'si') {
      if (token.kind === 'open' && !token.selfClosing) current = '';
      else strings.push(token.kind === 'open' ? '' : current);
    } else if (token.name === 'rPh') {
      if (token.kind === 'open' && !token.selfClosing) phonetic++;
      else if (token.kind === 'close') phonetic = Math.max(0, phonetic - 1);
    } else if (token.name === 't') inText = token.kind === 'open' && !token.selfClosing;
  }
  return strings;
}

/** Built-in number formats that show dates or times. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a format code shows a date: y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  let skipUntil = '';
  for (const ch of code) {
    if (skipUntil) {
      if (ch === skipUntil) skipUntil = '';
    } else if (ch === '"') skipUntil = '"';
    else if (ch === '[') skipUntil = ']';
    else if ('ymdhMsb'.includes(ch)) return true;
  }
  return false;
}

/** Indexes of the cell styles (cellXfs) whose number format is a date. */
function dateStyleIndexes(xml: string): Set<number> {
  const customDates = new Set<number>();
  const dates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') continue;
    if (token.name === 'cellXfs') inCellXfs = token.kind === 'open' && !token.selfClosing;
    if (token.kind !== 'open') continue;
    if (token.name === 'numFmt') {
      const id = Number(xmlAttribute(token.attributes, 'numFmtId'));
      if (isDateFormat(xmlAttribute(token.attributes, 'formatCode') ?? '')) customDates.add(id);
    } else if (token.name === 'xf' && inCellXfs) {
      const id = Number(xmlAttribute(token.attributes, 'numFmtId') ?? 0);
      if (BUILT_IN_DATES.has(id) || customDates.has(id)) dates.add(index);
      index++;
    }
  }
  return dates;
}

/** A column letter reference (`AB12`) as a 0-based index, or undefined. */
function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  // Excel's last column is XFD (16384)
  return i > 0 && column <= 16_384 ? column - 1 : undefined;
}

/** Serial day numbers to an ISO date, as Excel counts them (1900 or 1904 system). */
function serialToDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

function sheetRows(
  xml: string,
  strings: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
  cells: { left: number; limit: number },
): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let hasValue = false;
  let cell: { column: number; type: string; style: number; value: string } | undefined;
  let inValue = false;
  let inInline = false;
  const endCell = () => {
    if (!cell) return;
    const text = cellText(cell.type, cell.value, strings, dateStyles.has(cell.style), date1904);
    if (text !== '') {
      cells.left -= Math.max(1, cell.column + 1 - row.length);
      if (cells.left < 0) throw tooLarge('maxCells', cells.limit);
      while (row.length < cell.column) row.push('');
      row[cell.column] = text;
      hasValue = true;
    }
    cell = undefined;
  };
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      if (cell && (inValue || inInline)) cell.value += token.text;
      continue;
    }
    const opening = token.kind === 'open';
    switch (token.name) {
      case 'row':
        if (opening) {
          row = [];
          hasValue = false;
        }
        if (!opening || token.selfClosing) {
          endCell();
          if (hasValue) rows.push(Array.from(row, (c) => c ?? ''));
          row = [];
          hasValue = false;
        }
        break;
      case 'c':
        endCell();
        if (opening) {
          const attributes = token.attributes;
          cell = {
            column: columnOf(xmlAttribute(attributes, 'r')) ?? row.length,
            type: xmlAttribute(attributes, 't') ?? 'n',
            style: Number(xmlAttribute(attributes, 's') ?? 0),
            value: '',
          };
          if (token.selfClosing) endCell();
        }
        break;
      case 'v':
        inValue = opening && !token.selfClosing;
        break;
      case 't':
        inInline = opening && !token.selfClosing && cell?.type === 'inlineStr';
        break;
      case 'rPh':
        if (opening && !token.selfClosing) inInline = false;
        break;
    }
  }
  return rows;
}

function cellText(
  type: string,
  value: string,
  strings: readonly string[],
  isDate: boolean,
  date1904: boolean,
): string {
  switch (type) {
    case 's':
      return strings[Number(value)] ?? '';
    case 'inlineStr':
    case 'str':
      return value;
    case 'b':
      return value === '' ? '' : String(value === '1' || value === 'true');
    case 'e':
      return '';
    case 'd':
      return value === '' ? '' : value.slice(0, 10);
  }
  if (value === '') return '';
  const number = Number(value);
  if (Number.isNaN(number)) return value;
  return isDate ? serialToDate(number, date1904) : String(number);
}
