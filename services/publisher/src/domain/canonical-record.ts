import { z } from 'zod';
import {
  docTypeSchema,
  einvoiceSyntaxSchema,
  fieldMethodSchema,
  findingSchema,
  recordRefSchema,
  tenantIdSchema,
} from '@docflow/contracts';

/**
 * The canonical records the publisher writes, one schema per destination collection. Every record
 * is checked against its schema before anything is written (the final schema check): a record that
 * does not pass is a bug upstream, and the document fails instead of landing half-formed.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const money = z.number().finite();
const currencyCode = z.string().regex(/^[A-Z]{3}$/);

export type Collection = z.infer<typeof recordRefSchema>['collection'];

export const provenanceSchema = z.object({
  modelVersion: z.string().min(1),
  confidence: z.number().min(0).max(1),
  findings: z.array(findingSchema),
  /** True when a person corrected the classification (modelVersion `review`). */
  reviewed: z.boolean(),
  sourceEventId: z.uuid(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

const common = {
  _id: z.string().min(1),
  tenantId: tenantIdSchema,
  documentId: z.uuid(),
  docType: docTypeSchema,
  provenance: provenanceSchema,
};

const address = z.object({
  street: z.string().nullable(),
  city: z.string().nullable(),
  postcode: z.string().nullable(),
  country: z.string().nullable(),
});
const party = z.object({
  name: z.string().nullable(),
  taxId: z.string().nullable(),
  /** Null when the document gives none (the visual path reads no addresses yet). */
  address: address.nullable(),
});

export const invoiceRecordSchema = z.object({
  ...common,
  docType: z.enum(['invoice', 'credit_note']),
  number: z.string().nullable(),
  issueDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  currency: currencyCode.nullable(),
  seller: party,
  buyer: party,
  subtotal: money.nullable(),
  taxTotal: money.nullable(),
  taxLines: z.array(
    z.object({
      rate: z.number().nullable(),
      amount: money.nullable(),
      basis: money.nullable(),
      category: z.string().nullable(),
    }),
  ),
  total: money.nullable(),
  amountDue: money.nullable(),
  paymentTerms: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  lineItems: z.array(
    z.object({
      description: z.string().nullable(),
      quantity: z.number().nullable(),
      unitCode: z.string().nullable(),
      /** Net price per unit; e-invoices may state it per a base quantity (EN 16931 BT-146). */
      unitPrice: z.number().finite().nullable(),
      amount: money.nullable(),
      vatRate: z.number().nullable(),
    }),
  ),
  /** Where the values come from: the page's text, or a structured e-invoice's XML. */
  source: z.object({
    method: fieldMethodSchema,
    syntax: einvoiceSyntaxSchema.nullable(),
    profile: z.string().nullable(),
  }),
});

export const expenseRecordSchema = z.object({
  ...common,
  docType: z.literal('receipt'),
  merchant: z.string().nullable(),
  merchantTaxId: z.string().nullable(),
  date: isoDate.nullable(),
  currency: currencyCode.nullable(),
  total: money.nullable(),
  tax: money.nullable(),
  paymentMethod: z.string().nullable(),
});

export const bankTransactionRecordSchema = z.object({
  ...common,
  docType: z.literal('bank_statement'),
  /** Position of the transaction on the statement, from 0. */
  line: z.number().int().min(0),
  date: isoDate.nullable(),
  description: z.string().nullable(),
  amount: money,
  balance: money.nullable(),
  currency: currencyCode.nullable(),
  statement: z.object({
    bankName: z.string().nullable(),
    iban: z.string().nullable(),
    accountNumber: z.string().nullable(),
    periodStart: isoDate.nullable(),
    periodEnd: isoDate.nullable(),
    openingBalance: money.nullable(),
    closingBalance: money.nullable(),
    transactions: z.number().int().min(0),
  }),
});

export const archiveRecordSchema = z.object({
  ...common,
  title: z.string().nullable(),
  date: isoDate.nullable(),
  parties: z.array(z.string()),
  /** Every extracted field as its value, for search and export. */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Repeated groups (e.g. the transactions of a statement that carried none parseable). */
  tables: z.record(
    z.string(),
    z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  ),
});

export type InvoiceRecord = z.infer<typeof invoiceRecordSchema>;
export type ExpenseRecord = z.infer<typeof expenseRecordSchema>;
export type BankTransactionRecord = z.infer<typeof bankTransactionRecordSchema>;
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;

export const recordSchemas = {
  invoices: invoiceRecordSchema,
  expenses: expenseRecordSchema,
  bank_transactions: bankTransactionRecordSchema,
  archive: archiveRecordSchema,
} as const;

/** A record and the collection it goes to. */
export type CanonicalRecord =
  | { collection: 'invoices'; record: InvoiceRecord }
  | { collection: 'expenses'; record: ExpenseRecord }
  | { collection: 'bank_transactions'; record: BankTransactionRecord }
  | { collection: 'archive'; record: ArchiveRecord };
