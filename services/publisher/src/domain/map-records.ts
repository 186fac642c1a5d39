import type { DocType, ExtractedField, PayloadOf } from '@docflow/contracts';
import {
  recordSchemas,
  type ArchiveRecord,
  type BankTransactionRecord,
  type CanonicalRecord,
  type Collection,
  type Provenance,
} from './canonical-record';
import { publisherError } from './errors';
import { amount, currency, date, plainValues, text } from './field-values';
import { invoiceFields } from './invoice-record';

export interface MapInput {
  tenantId: string;
  documentId: string;
  eventId: string;
  payload: PayloadOf<'document.classified'>;
}

type Row = Record<string, ExtractedField>;

/** Where each document type lands. */
export const DESTINATION: Record<DocType, Collection> = {
  invoice: 'invoices',
  credit_note: 'invoices',
  receipt: 'expenses',
  bank_statement: 'bank_transactions',
  contract: 'archive',
  payslip: 'archive',
  other: 'archive',
};

/**
 * A classified document as its canonical records: one record for every type except bank
 * statements, which give one row per transaction (`<documentId>:<line>`). A statement without a
 * single parseable transaction still gets a record, in `archive`, so nothing classified is lost.
 * Every record passes its collection's schema or the whole document fails (RECORD_INVALID).
 */
export function mapRecords(input: MapInput): CanonicalRecord[] {
  const { payload } = input;
  const fields = payload.extraction.fields;
  const tables = payload.extraction.tables;
  const provenance: Provenance = {
    modelVersion: payload.modelVersion,
    confidence: payload.confidence,
    findings: payload.findings,
    reviewed: payload.modelVersion === 'review',
    sourceEventId: input.eventId,
  };
  const base = {
    tenantId: input.tenantId,
    documentId: input.documentId,
    provenance,
  };
  const mapped: CanonicalRecord[] = (() => {
    switch (payload.docType) {
      case 'invoice':
      case 'credit_note':
        return [
          {
            collection: 'invoices' as const,
            record: {
              ...base,
              _id: input.documentId,
              docType: payload.docType,
              ...invoiceFields(fields, tables),
            },
          },
        ];
      case 'receipt':
        return [
          {
            collection: 'expenses' as const,
            record: {
              ...base,
              _id: input.documentId,
              docType: 'receipt' as const,
              merchant: text(fields, 'merchantName'),
              merchantTaxId: text(fields, 'merchantTaxId') ?? text(fields, 'taxId'),
              date: date(fields, 'date'),
              currency: currency(fields, 'currency'),
              total: amount(fields, 'total'),
              tax: amount(fields, 'taxAmount'),
              paymentMethod: text(fields, 'paymentMethod'),
            },
          },
        ];
      case 'bank_statement': {
        const rows = transactionRecords(input, base, fields, tables.transactions ?? []);
        return rows.length > 0
          ? rows.map((record) => ({ collection: 'bank_transactions' as const, record }))
          : [{ collection: 'archive' as const, record: archiveRecord(input, base) }];
      }
      default:
        return [{ collection: 'archive' as const, record: archiveRecord(input, base) }];
    }
  })();
  return mapped.map(check);
}

function transactionRecords(
  input: MapInput,
  base: Pick<BankTransactionRecord, 'tenantId' | 'documentId' | 'provenance'>,
  fields: Row,
  rows: Row[],
): BankTransactionRecord[] {
  const parseable = rows.filter((row) => amount(row, 'amount') !== null);
  const statement = {
    bankName: text(fields, 'bankName'),
    iban: text(fields, 'iban')?.replace(/\s+/g, '').toUpperCase() ?? null,
    accountNumber: text(fields, 'accountNumber'),
    periodStart: date(fields, 'periodStart'),
    periodEnd: date(fields, 'periodEnd'),
    openingBalance: amount(fields, 'openingBalance'),
    closingBalance: amount(fields, 'closingBalance'),
    transactions: parseable.length,
  };
  return parseable.map((row, line) => ({
    ...base,
    _id: `${input.documentId}:${line}`,
    docType: 'bank_statement' as const,
    line,
    date: date(row, 'date'),
    description: text(row, 'description'),
    amount: amount(row, 'amount')!,
    balance: amount(row, 'balance'),
    currency: currency(fields, 'currency'),
    statement,
  }));
}

function archiveRecord(
  input: MapInput,
  base: Pick<ArchiveRecord, 'tenantId' | 'documentId' | 'provenance'>,
): ArchiveRecord {
  const { fields, tables } = input.payload.extraction;
  const parties = ['partyA', 'partyB', 'employerName', 'employeeName']
    .map((name) => text(fields, name))
    .filter((value): value is string => value !== null);
  return {
    ...base,
    _id: input.documentId,
    docType: input.payload.docType,
    title: text(fields, 'title'),
    date:
      date(fields, 'effectiveDate') ??
      date(fields, 'periodEnd') ??
      date(fields, 'date') ??
      date(fields, 'issueDate'),
    parties,
    fields: plainValues(fields),
    tables: Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => [name, rows.map((row) => plainValues(row))]),
    ),
  };
}

function check(mapped: CanonicalRecord): CanonicalRecord {
  const result = recordSchemas[mapped.collection].safeParse(mapped.record);
  if (!result.success)
    throw publisherError('RECORD_INVALID', `the ${mapped.collection} record is not valid`, {
      collection: mapped.collection,
      issues: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  return mapped;
}
