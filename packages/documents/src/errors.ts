import { DocflowError, type DocflowErrorOptions } from '@docflow/platform';

/** Error codes of the document model, with whether a retry can help. */
export const documentErrorCodes = {
  BLOB_TOO_LARGE: { transient: false, message: 'file is larger than allowed' },
  BLOB_NOT_FOUND: { transient: false, message: 'file does not exist (deleted or quarantined)' },
  TEXT_NOT_FOUND: { transient: false, message: 'extracted text does not exist' },
  DOCUMENT_NOT_FOUND: { transient: false, message: 'document does not exist' },
  TENANT_MISMATCH: {
    transient: false,
    message: 'the event names another tenant than its document',
  },
  TRANSITION_CONTENDED: {
    transient: true,
    message: 'document changed concurrently too many times',
  },
} as const;

export type DocumentErrorCode = keyof typeof documentErrorCodes;

export function documentError(
  code: DocumentErrorCode,
  message?: string,
  options: Omit<DocflowErrorOptions, 'transient'> = {},
): DocflowError {
  return new DocflowError(code, message ?? documentErrorCodes[code].message, {
    ...options,
    transient: documentErrorCodes[code].transient,
  });
}
