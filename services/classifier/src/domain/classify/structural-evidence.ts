import type { DocType } from '@docflow/contracts';
import { findTaxLines } from '../extract/amounts-extractor';
import { fold, type DocumentText } from '../extract/document-text';
import { findLabels, labelledValues, readAmount } from '../extract/label-values';
import { findTaxIds } from '../extract/parties';
import { amountsIn, datesIn } from '../extract/tokens';
import { checkIban } from '../validate/iban';
import { VOCABULARIES } from '../language/vocabulary';
import { findTitle } from './title-words';

export interface StructuralEvidence {
  docType: DocType;
  /** How strongly the page's structure names the type, 0–1 (see `STRONG_EVIDENCE`). */
  strength: number;
  /** What was seen, in words: the title as printed and what backs it. */
  reasons: string[];
}

/** Evidence at least this strong may stand in for the model's `other` (a title and its backing). */
export const STRONG_EVIDENCE = 0.75;

/** A title alone: a document is headed as a type, nothing else on the page says so yet. */
const TITLE_ONLY = 0.55;

const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;

let tillLine: RegExp | undefined;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A line that opens with a till word and carries an amount (`CASH   50.00`, `Rückgeld 1,20`). */
function hasTillLines(doc: DocumentText): boolean {
  const words = Object.values(VOCABULARIES)
    .flatMap((v) => v.tillWords)
    .map((w) => escape(fold(w)))
    .sort((a, b) => b.length - a.length);
  tillLine ??= new RegExp(String.raw`^\s*(?:${words.join('|')})(?![a-z])`);
  const pattern = tillLine;
  // the word on folded text (`CASH`, `EFECTlVO`), the amount on the text as printed (folding turns
  // digits into look-alike letters)
  return doc.lines.some((line) => {
    const word = pattern.exec(line.folded);
    return !!word && /\d[.,]\d{2}\b/.test(line.text.slice(word[0].length, word[0].length + 40));
  });
}

/** Lines that start with a date and hold an amount: rows of a statement's transactions table. */
function transactionRows(doc: DocumentText): number {
  let rows = 0;
  for (const line of doc.lines) {
    const date = datesIn(doc, line)[0];
    if (!date || line.text.slice(0, date.from).trim() !== '') continue;
    if (amountsIn(doc, line, date.to).length > 0) rows += 1;
  }
  return rows;
}

function hasLabelledAmount(doc: DocumentText, group: 'total' | 'receiptTotal' | 'gross' | 'net') {
  return labelledValues(doc, group, readAmount).some((v) => v.score >= 0.6);
}

/** The signals that back a title of each type, with their weight and how they read in a reason. */
function backing(doc: DocumentText, docType: DocType): [weight: number, reason: string][] {
  const seen: [number, string][] = [];
  const taxId = () => findTaxIds(doc).length > 0;
  const taxLine = () => findTaxLines(doc).length > 0;
  const iban = () => [...doc.text.matchAll(IBAN)].some((m) => checkIban(m[0]).valid);
  switch (docType) {
    case 'invoice':
    case 'credit_note':
      if (hasLabelledAmount(doc, 'total')) seen.push([0.2, 'a labelled total']);
      if (taxId()) seen.push([0.15, 'a tax id']);
      else if (taxLine()) seen.push([0.15, 'a tax line']);
      else if (iban()) seen.push([0.15, 'an IBAN']);
      break;
    case 'receipt':
      if (hasLabelledAmount(doc, 'receiptTotal')) seen.push([0.25, 'a labelled total']);
      if (taxLine() || taxId()) seen.push([0.1, 'a tax line or id']);
      break;
    case 'bank_statement':
      if (iban() || findLabels(doc, 'accountNumber').length > 0)
        seen.push([0.2, 'an account number']);
      if (transactionRows(doc) >= 3) seen.push([0.15, 'a transactions table']);
      break;
    case 'payslip':
      if (hasLabelledAmount(doc, 'gross')) seen.push([0.2, 'a gross pay']);
      if (hasLabelledAmount(doc, 'net')) seen.push([0.15, 'a net pay']);
      break;
    default:
      break;
  }
  return seen;
}

/**
 * What the page's structure says the document is, independent of the learned model: its title, in
 * any language with a vocabulary (`Rechnung`, `Facture`, `Factuur`, `Fattura`, `Nota fiscal`,
 * `Kontoauszug`…), backed by what a document of that type carries (an invoice's labelled total and
 * tax id, tax line or IBAN; a receipt's total; a statement's account and transactions; a payslip's
 * gross and net pay). A title alone is weak (0.55); title and full backing reach 0.9. A title of a
 * kind that is none of the types (`Angebot`, `Devis`, `Lieferschein`) is evidence for `other`. An
 * invoice title over till lines (cash, change: vocabularies' `tillWords`) is evidence of a receipt.
 */
export function structuralEvidence(doc: DocumentText): StructuralEvidence | undefined {
  const title = findTitle(doc);
  if (!title) return undefined;
  // a shop's `TAX INVOICE` or a restaurant's `Rechnung` with cash and change lines is a receipt
  const till = (title.docType === 'invoice' || title.docType === 'receipt') && hasTillLines(doc);
  const docType = till ? 'receipt' : title.docType;
  const backed = [...backing(doc, docType), ...(till ? ([[0, 'till lines']] as const) : [])];
  const strength = backed.reduce((sum, [weight]) => sum + weight, TITLE_ONLY);
  return {
    docType,
    strength: Math.round(Math.min(0.9, strength) * 100) / 100,
    reasons: [`title "${title.text.trim()}"`, ...backed.map(([, reason]) => reason)],
  };
}
