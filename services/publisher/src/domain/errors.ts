import { DocflowError } from '@docflow/platform';

/** Error codes of the publisher, with whether a retry can help. */
export const publisherErrorCodes = {
  RECORD_INVALID: { transient: false, message: 'the canonical record does not match its schema' },
  REVISION_CONTENDED: { transient: true, message: 'the document kept getting new revisions' },
  WEBHOOK_TARGET_REFUSED: {
    transient: false,
    message: 'the webhook target resolves to a loopback or private address',
  },
  WEBHOOK_REJECTED: { transient: true, message: 'the webhook receiver did not answer 2xx' },
  WEBHOOK_UNREACHABLE: { transient: true, message: 'the webhook receiver could not be reached' },
  WEBHOOK_TIMEOUT: {
    transient: true,
    message: 'the webhook receiver did not answer in full within WEBHOOK_TIMEOUT_MS',
  },
  WEBHOOK_INTERRUPTED: {
    transient: true,
    message: 'the webhook request was interrupted by shutdown',
  },
} as const;

export type PublisherErrorCode = keyof typeof publisherErrorCodes;

export function publisherError(
  code: PublisherErrorCode,
  message?: string,
  details?: Record<string, unknown>,
): DocflowError {
  return new DocflowError(code, message ?? publisherErrorCodes[code].message, {
    transient: publisherErrorCodes[code].transient,
    ...(details ? { details } : {}),
  });
}
