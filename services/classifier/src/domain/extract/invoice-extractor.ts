import type { DocType } from '@docflow/contracts';
import type { DocumentText } from './document-text';
import { extractCurrency, taxCountryOf } from './currency';
import { fromToken, type Extraction, type Fields } from './field-set';
import { labelledValues, readDate, readId } from './label-values';
import { extractLineItems } from './line-items';
import { decideInvoiceTotals } from './invoice-totals';
import { extractParties } from './parties';
import { titleFields } from './title-line';

/** A number or date in the title (`Rechnung Nr. 4711 vom 05.03.2018`) wins over weaker labels. */
const TITLE_SCORE = 0.9;

/** Invoices and credit notes: number, dates, parties, currency, totals, tax lines, line items. */
export function extractInvoice(doc: DocumentText, docType?: DocType): Extraction {
  const fields: Fields = {};
  const number = labelledValues(doc, 'invoiceNumber', readId, [
    'taxId',
    'issueDate',
    'dueDate',
  ]).find((c) => !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(c.value) && c.value.length >= 3);
  const title = titleFields(doc);
  if (title.number && (!number || number.score < TITLE_SCORE))
    fields.invoiceNumber = fromToken(doc, title.number.line, title.number, TITLE_SCORE);
  else if (number) fields.invoiceNumber = fromToken(doc, number.line, number, number.score * 0.95);
  const issue = labelledValues(doc, 'issueDate', readDate, [
    'dueDate',
    'effectiveDate',
    'period',
  ])[0];
  if (title.date && (!issue || issue.score < TITLE_SCORE))
    fields.issueDate = fromToken(doc, title.date.line, title.date, TITLE_SCORE);
  else if (issue) fields.issueDate = fromToken(doc, issue.line, issue, issue.score * 0.95);
  const due = labelledValues(doc, 'dueDate', readDate, [])[0];
  if (due && (!issue || due.line !== issue.line || due.from !== issue.from)) {
    fields.dueDate = fromToken(doc, due.line, due, due.score * 0.95);
  }
  extractParties(doc, fields);
  const items = extractLineItems(doc);
  const totals = decideInvoiceTotals(doc, items.sum);
  Object.assign(fields, totals.fields);
  const ids = [fields.sellerTaxId, fields.buyerTaxId].flatMap((f) => (f ? [String(f.value)] : []));
  extractCurrency(doc, fields, taxCountryOf(doc, ids));
  const extraction = { fields, tables: { ...items.tables, ...totals.tables } };
  return docType === 'credit_note' ? asMagnitudes(extraction) : extraction;
}

const AMOUNT_FIELDS = ['subtotal', 'taxAmount', 'total'];

/**
 * A credit note's amounts as positive magnitudes, as CII and UBL write them (the type says it
 * credits): a page printing `Total TTC -233,47 €` and one printing `233,47 €` give the same record.
 */
function asMagnitudes(e: Extraction): Extraction {
  const fields = { ...e.fields };
  for (const name of AMOUNT_FIELDS) {
    const f = fields[name];
    if (f && typeof f.value === 'number') fields[name] = { ...f, value: Math.abs(f.value) };
  }
  const taxLines = e.tables.taxLines?.map((row) =>
    row.amount && typeof row.amount.value === 'number'
      ? { ...row, amount: { ...row.amount, value: Math.abs(row.amount.value) } }
      : row,
  );
  return { fields, tables: { ...e.tables, ...(taxLines ? { taxLines } : {}) } };
}
