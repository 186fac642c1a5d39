import { checkTaxId } from '../validate/tax-id';
import type { DocumentText, Line } from './document-text';
import { field, fold } from './document-text';
import type { Fields } from './field-set';
import {
  findLabels,
  labelsOnLine,
  nextLabelStart,
  withoutOverlaps,
  type LabelHit,
} from './label-values';
import { labelsOf } from './labels';
import { isSpace, startsCell, trimEndWhere } from './text-scan';
import { cellsOf, type Cell } from './tokens';
import { isSplitLabel, nameInBlock, returnAddress, type BlockName } from './party-block';

interface TaxIdFound {
  line: Line;
  /** Column of the id's label: blocks are told apart by where labels start. */
  labelFrom: number;
  from: number;
  to: number;
  value: string;
  valid: boolean;
}

export const LEGAL_SUFFIX =
  /\b(s\.?\s?l\.?u?|s\.?\s?a\.?s?|s\.?a\.?c|ltda?|limited|llc|llp|plc|inc|corp|co|gmbh|ag|kg|b\.?v|e\.?i\.?r\.?l|s\.?r\.?l|s\.?coop|dac|cia)\.?$/i;
const TITLE_WORDS =
  /^(invoice|factura|bill|credit|nota|abono|receipt|ticket|recibo|statement|extracto|estado|payslip|n[oó]mina|contract|contrato|tax invoice|sales|quotation|page|p[aá]gina)\b/i;

/** Tax ids next to a tax-id label (NIF, CIF, VAT No, NIT, RUC…), normalised and checked. */
export function findTaxIds(doc: DocumentText): TaxIdFound[] {
  const out: TaxIdFound[] = [];
  for (const hit of withoutOverlaps(doc, findLabels(doc, 'taxId'), [])) {
    const rest = hit.line.numeric.slice(hit.to);
    const m =
      /^[\s:.#º°-]*(?:(?:del\s+)?(?:receptor|emisor|cliente|proveedor|customer|supplier)\b[\s:.#º°-]*)?(?:n(?:[º°o]|ro)\.?[\s:]*)?([A-Z]{2}[\s-]?)?([A-Z0-9][A-Z0-9. -]{4,20}[A-Z0-9])/i.exec(
        rest,
      );
    if (!m) continue;
    let raw = `${m[1] ?? ''}${m[2]!}`.replace(/\s{2,}.*$/, '');
    raw = raw.replace(/\s+[A-Za-z]{3,}.*$/, '').replace(/[\s.-]+$/, '');
    if (!/\d{5}/.test(raw.replace(/[\s.-]/g, ''))) continue;
    const start = hit.to + m.index + m[0].length - m[2]!.length - (m[1]?.length ?? 0);
    const hint = /nit/.test(hit.label)
      ? 'nit'
      : /ruc/.test(hit.label)
        ? 'ruc'
        : /rut/.test(hit.label)
          ? 'rut'
          : /cui[tl]/.test(hit.label)
            ? 'cuit'
            : undefined;
    const check = checkTaxId(raw, hint);
    out.push({
      line: hit.line,
      labelFrom: hit.from,
      from: start,
      to: start + raw.length,
      value: raw.replace(/[\s.]/g, '').toUpperCase(),
      valid: check.valid,
    });
  }
  return out;
}

function cellAt(line: Line, column: number): Cell | undefined {
  const cells = cellsOf(line);
  if (cells.length <= 1) return cells[0];
  return (
    cells.find((c) => c.from <= column + 3 && c.to >= column) ??
    cells.find((c) => c.from >= column - 3)
  );
}

const TITLE_ANYWHERE =
  /\s(?:tax invoice|sales invoice|commercial invoice|vat invoice|invoice|credit note|credit memo|factura|nota de cr[eé]dito|abono|bill)\b.*$/i;
const HEADER_ROW =
  /\b(description|qty|quantity|unit price|concepto|descripci[oó]n|cant\.?|precio|importe|uds|detalle)\b.*\b(amount|total|importe|subtotal|price|precio)\b/i;

/** A name as found, cut where a title word or another field's label starts. */
function cleanName(
  doc: DocumentText,
  line: Line,
  from: number,
  to: number,
): { from: number; to: number } {
  let end = Math.min(to, nextLabelStart(doc, line, from));
  const title = TITLE_ANYWHERE.exec(line.text.slice(from, end));
  if (title && title.index > 2) end = from + title.index;
  const text = line.text.slice(from, end).trimEnd();
  return { from, to: from + text.length };
}

function isLabelOnly(text: string): boolean {
  const f = trimEndWhere(fold(text), (ch) => ch === ':' || isSpace(ch));
  return ['buyer', 'seller'].some((g) =>
    labelsOf(g as 'buyer').some((l) => new RegExp(`^${l.pattern.source}$`).test(f)),
  );
}

function isNameLike(text: string): boolean {
  return (
    text.length <= 70 &&
    !HEADER_ROW.test(text) &&
    !isLabelOnly(text) &&
    /[A-Za-zÁÉÍÓÚÑáéíóúñ]{2}/.test(text) &&
    !/\d{3,}/.test(text) &&
    !TITLE_WORDS.test(text.trim()) &&
    !/[@:]/.test(text)
  );
}

/** The name a party label introduces: right of it on its line, else under it in its column. */
function nameAfterLabel(
  doc: DocumentText,
  hit: LabelHit,
): { line: Line; from: number; to: number; name?: BlockName } | undefined {
  const rest = hit.line.text.slice(hit.to);
  const skip = /^[\s:.-]*/.exec(rest)![0].length;
  const own = cellAt(hit.line, hit.from);
  const end = own && own.to > hit.to + skip ? own.to : undefined;
  if (end) {
    const text = hit.line.text.slice(hit.to + skip, end).trim();
    if (text && isNameLike(text))
      return {
        line: hit.line,
        ...cleanName(doc, hit.line, hit.to + skip, hit.to + skip + text.length),
      };
  }
  const block = blockUnderLabel(doc, hit);
  if (block) return block;
  for (const line of doc.lines.slice(hit.line.index + 1, hit.line.index + 3)) {
    const cell = cellAt(line, hit.from);
    if (cell && isNameLike(cell.text)) return { line, ...cleanName(doc, line, cell.from, cell.to) };
    // OCR collapsed two columns into one (`Harbor Catering LLC A-092212`): the name before the id
    const id = cell ? /\s\S*\d{3,}/.exec(cell.text) : null;
    const head = cell && id ? cell.text.slice(0, id.index) : '';
    if (cell && head.split(/\s+/).length >= 2 && isNameLike(head))
      return { line, ...cleanName(doc, line, cell.from, cell.from + head.length) };
  }
  return undefined;
}

/** Any party label's line: an address block ends where the next party's label starts. */
function isPartyLabelLine(doc: DocumentText, line: Line): boolean {
  if (labelsOnLine(doc, 'buyer', line).length + labelsOnLine(doc, 'seller', line).length === 0)
    return false;
  return cellsOf(line).some((c) => c.text.split('/').every((part) => isLabelOnly(part)));
}

/**
 * The name in the address block under a party label that ends its cell (`Verkäufer:`,
 * `Käufer/Leistungsempfänger:`, `Rechnungsempfänger`): `key : value` and id lines skipped.
 */
function blockUnderLabel(
  doc: DocumentText,
  hit: LabelHit,
): { line: Line; from: number; to: number; name?: BlockName } | undefined {
  const own = cellAt(hit.line, hit.from);
  if (
    !own ||
    own.to > hit.to + 2 + (/^[\s:/\p{L}-]*$/u.test(hit.line.text.slice(hit.to, own.to)) ? 40 : 0)
  )
    return undefined;
  const alone = cellsOf(hit.line).length === 1;
  const name = nameInBlock(doc, hit.line, own.from, own.to, {
    alone,
    stop: (line) => isPartyLabelLine(doc, line),
  });
  return name && { line: name.line, from: name.from, to: name.to, name };
}

/** A block name as a field (one line, or two joined: the span covers both). */
function nameField(
  doc: DocumentText,
  name: { line: Line; from: number; to: number; name?: BlockName },
  conf: number,
) {
  if (name.name && name.name.last !== name.line)
    return field(
      doc,
      name.name.value,
      name.line.start + name.from,
      name.name.last.start + name.name.to,
      conf,
    );
  return field(
    doc,
    name.line.text.slice(name.from, name.to).trim(),
    name.line.start + name.from,
    name.line.start + name.to,
    conf,
  );
}

function inBlock(hit: LabelHit, line: Line, column: number): boolean {
  const d = line.index - hit.line.index;
  if (d < 0 || d > 6) return false;
  const cells = cellsOf(hit.line);
  if (cells.length <= 1) return true;
  return Math.abs(column - hit.from) <= 6 || (column > hit.from && cellsOf(line).length <= 1);
}

const NOT_A_NAME = /^\s*(?::\s*)?(ld|no\b|n[º°o]\b|#|number|numbe|code|eodlgo|ref|aeeount|eode)/;

/** Seller and buyer names and tax ids, by labels, blocks (columns) and position. */
export function extractParties(
  doc: DocumentText,
  fields: Fields,
  buyerGroup: 'buyer' = 'buyer',
): void {
  const taxIds = findTaxIds(doc);
  // the strongest party label that introduces a name (`Customer ID: C-00481` does not)
  const buyerHit = withoutOverlaps(doc, findLabels(doc, buyerGroup), ['taxId'])
    .filter((h) => !NOT_A_NAME.test(h.line.folded.slice(h.to)) && !isSplitLabel(h, 'seller'))
    .sort((a, b) => b.weight - a.weight || a.line.index - b.line.index)[0];
  // a weak label (`from`) only counts where it starts its cell (`From:`), not mid-sentence
  const sellerHits = [
    ...findLabels(doc, 'seller'),
    ...findLabels(doc, buyerGroup).filter((h) => isSplitLabel(h, 'seller')),
  ].sort((a, b) => a.line.index - b.line.index || a.from - b.from);
  const sellerHit = sellerHits.find(
    (h) =>
      h.line.index < (buyerHit?.line.index ?? Infinity) + 8 &&
      h.from <= 60 &&
      (h.weight >= 0.8 || startsCell(h.line.text, h.from, false)),
  );
  let buyerTax: TaxIdFound | undefined;
  if (buyerHit) {
    const name = nameAfterLabel(doc, buyerHit);
    if (name) fields.buyerName = nameField(doc, name, 0.85);
    buyerTax = taxIds.find((t) => inBlock(buyerHit, t.line, t.labelFrom));
    if (buyerTax)
      fields.buyerTaxId = field(
        doc,
        buyerTax.value,
        buyerTax.line.start + buyerTax.from,
        buyerTax.line.start + buyerTax.to,
        buyerTax.valid ? 0.95 : 0.7,
      );
  }
  const sellerTax = sellerHit
    ? taxIds.find((t) => t !== buyerTax && inBlock(sellerHit, t.line, t.labelFrom))
    : taxIds.find((t) => t !== buyerTax);
  if (sellerTax)
    fields.sellerTaxId = field(
      doc,
      sellerTax.value,
      sellerTax.line.start + sellerTax.from,
      sellerTax.line.start + sellerTax.to,
      sellerTax.valid ? 0.95 : 0.7,
    );
  let seller: { line: Line; from: number; to: number; conf: number; name?: BlockName } | undefined;
  if (sellerHit) {
    const name = nameAfterLabel(doc, sellerHit);
    if (name) seller = { ...name, conf: 0.85 };
  }
  // a window envelope: the sender's return-address line and the addressee under it
  const envelope = returnAddress(doc);
  if (envelope?.buyer && (!fields.buyerName || (buyerHit?.weight ?? 0) < 0.9))
    fields.buyerName = nameField(
      doc,
      { ...envelope.buyer, to: envelope.buyer.to, name: envelope.buyer },
      0.8,
    );
  if (envelope?.seller && !seller)
    seller = { ...envelope.seller, name: envelope.seller, conf: 0.8 };
  if (!seller) {
    const blocked = (line: Line, column: number) =>
      buyerHit ? inBlock(buyerHit, line, column) : false;
    const top = doc.lines
      .slice(0, 14)
      .flatMap((line) => cellsOf(line).map((cell) => ({ line, cell })));
    const candidates = top.filter(
      ({ line, cell }) =>
        isNameLike(cell.text) && !blocked(line, cell.from) && cell.text.split(/\s+/).length <= 8,
    );
    const scored = candidates.map(({ line, cell }) => {
      const span = cleanName(doc, line, cell.from, cell.to);
      let score = 0.5 - line.index * 0.02;
      if (LEGAL_SUFFIX.test(line.text.slice(span.from, span.to).trim())) score += 0.4;
      if (
        sellerTax &&
        sellerTax.line.index > line.index &&
        sellerTax.line.index - line.index <= 4 &&
        Math.abs(sellerTax.labelFrom - cell.from) <= 4
      )
        score += 0.3;
      if (
        /^\d|^(calle|c\/|av|avenida|street|road|st\b|paseo|carrera|jr\.?)\b/i.test(cell.text) ||
        /\d/.test(cell.text)
      )
        score -= 0.5;
      if (labelsOnLine(doc, 'invoiceNumber', line).length > 0 || /[:#]/.test(cell.text))
        score -= 0.5;
      return {
        line,
        ...span,
        conf: Math.max(0.3, Math.min(0.9, score)),
        score,
      };
    });
    seller = scored.sort((a, b) => b.score - a.score)[0];
  }
  if (seller) fields.sellerName = nameField(doc, seller, seller.conf);
}
