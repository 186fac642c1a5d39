import type { DocType } from '@docflow/contracts';

/** A label and how specific it is (1: names the field alone; lower: generic or shared). */
export type FieldLabel = [label: string, weight: number];

/** The fields a label can name (each extractor reads the groups it needs). */
export const LABEL_GROUPS = [
  'invoiceNumber',
  'issueDate',
  'dueDate',
  'subtotal',
  'total',
  'buyer',
  'seller',
  'taxId',
  'receiptTotal',
  'payment',
  'opening',
  'closing',
  'period',
  'periodFrom',
  'periodTo',
  'accountHolder',
  'accountNumber',
  'employer',
  'employee',
  'gross',
  'net',
  'tax',
  'withholding',
  'effectiveDate',
] as const;

export type LabelGroup = (typeof LABEL_GROUPS)[number];

/**
 * What the classifier knows of one language, as data: one file per language under this folder,
 * listed in `index.ts`. Labels are matched on folded text (lower case, no accents, OCR look-alikes
 * merged), so write them as printed (`Fälligkeitsdatum`, `N° de facture`); words of a label match
 * across spaces, dots, colons, slashes and hyphens (`ust id nr` meets `USt-IdNr.` and `USt.-Id.-Nr`).
 */
export interface Vocabulary {
  /** Frequent words of running text and forms (articles, prepositions, common labels): detection. */
  stopwords: string[];
  /**
   * Words that head a document of a type (`Rechnung`, `Facture`, `Kontoauszug`): structural
   * evidence for the type. Titles of `other` documents (quotes, orders, delivery notes) count
   * against the others.
   */
  titles: Partial<Record<DocType, string[]>>;
  /**
   * Title words that end compounds in languages that write them as one word: any word ending in
   * one (`Mietrechnung`, `Baurechnung`, `Eindfactuur`) titles the type, unless a listed title
   * (`Gehaltsabrechnung`) says otherwise.
   */
  compoundTitles?: Partial<Record<DocType, string[]>>;
  /**
   * Words that open a till receipt's payment lines (`Cash 50.00`, `Change 0.40`, `Rückgeld 1,20`):
   * a page titled as an invoice that has them is a receipt (shops print `TAX INVOICE`, `Rechnung`).
   */
  tillWords: string[];
  /** Labels per field. A label listed by two languages keeps the first language's weight. */
  labels: Partial<Record<LabelGroup, FieldLabel[]>>;
  /** Month names, full and abbreviated, as printed (accents included), to month number 1–12. */
  months: Record<string, number>;
}
