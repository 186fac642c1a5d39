import { DocflowError } from '@docflow/platform';

/**
 * Error codes of @docflow/einvoice. None is transient: the same bytes fail the same way every
 * time. Callers branch on `code` (the scanner rejects an upload, the classifier falls back).
 */
export const einvoiceErrorCodes = {
  /** The text is larger than the parser accepts. */
  XML_TOO_LARGE: 'XML_TOO_LARGE',
  /** The text declares a DTD or an entity: refused outright, never expanded or fetched. */
  XML_DTD_REFUSED: 'XML_DTD_REFUSED',
  /** Not well-formed XML (or not XML at all). */
  XML_MALFORMED: 'XML_MALFORMED',
  /** Nests elements deeper, or holds more of them, than the parser accepts. */
  XML_TOO_COMPLEX: 'XML_TOO_COMPLEX',
  /** Well-formed XML that no reader recognises as an e-invoice. */
  EINVOICE_UNKNOWN_FORMAT: 'EINVOICE_UNKNOWN_FORMAT',
  /** A recognised e-invoice whose content a reader cannot map (e.g. a wrapper without invoice). */
  EINVOICE_UNREADABLE: 'EINVOICE_UNREADABLE',
} as const;

export type EInvoiceErrorCode = keyof typeof einvoiceErrorCodes;

/** Why XML could not be read as an e-invoice; `code` says which of the cases above. */
export class EInvoiceError extends DocflowError {
  constructor(
    readonly reason: EInvoiceErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(reason, message, { transient: false, ...options });
    this.name = 'EInvoiceError';
  }
}

/** Whether `err` is an e-invoice error (also after crossing a worker thread, where only the code survives). */
export function isEInvoiceErrorCode(code: unknown): code is EInvoiceErrorCode {
  return typeof code === 'string' && code in einvoiceErrorCodes;
}
