import type { ArchiveLimits } from '@docflow/archive';
import type { EInvoiceInfo, RejectionReason } from '@docflow/contracts';

/** Why the scanner refuses a file: the contract's reason, a sentence, and machine-readable details. */
export interface Rejection {
  reason: RejectionReason;
  message: string;
  details?: Record<string, unknown>;
}

/** What an inspection of a file's structure found: its page count, or why it is refused. */
export type Inspection =
  { ok: true; pages?: number; einvoice?: EInvoiceInfo } | { ok: false; rejection: Rejection };

export const accepted = (pages?: number): Inspection =>
  pages === undefined ? { ok: true } : { ok: true, pages };

export const refused = (
  reason: RejectionReason,
  message: string,
  details?: Record<string, unknown>,
): Inspection => ({
  ok: false,
  rejection: details ? { reason, message, details } : { reason, message },
});

/** Limits from configuration that inspections enforce. */
export interface Limits {
  maxBytes: number;
  maxPages: number;
  maxImagePixels: number;
  maxSpreadsheetRows: number;
  /** What reading an XLSX or DOCX file may inflate. */
  archive: ArchiveLimits;
  /** Largest XML upload (default @docflow/einvoice's 20 MiB). */
  maxXmlBytes?: number;
}

/** A caught error's message for a rejection's details, cut to 200 characters. */
export const errorText = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).slice(0, 200);
