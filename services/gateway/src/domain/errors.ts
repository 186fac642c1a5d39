import { DocflowError } from '@docflow/platform';

/**
 * Error codes of the gateway's domain (uploads, their metadata, page cursors), with whether a
 * retry can help. The domain knows nothing of HTTP: http/errors.ts answers each code with its
 * status, and the code is what a client reads in the answer's `error` field.
 */
export const gatewayErrorCodes = {
  VALIDATION_FAILED: { transient: false, message: 'the request is not valid' },
  MULTIPART_INVALID: { transient: false, message: 'the multipart body is malformed' },
  NO_FILE: { transient: false, message: 'the request carries no file' },
  FILE_EMPTY: { transient: false, message: 'a file is empty' },
  FILE_TOO_LARGE: { transient: false, message: 'a file is larger than allowed' },
  TOO_MANY_FILES: { transient: false, message: 'too many files in one request' },
  UNKNOWN_FIELD: { transient: false, message: 'unknown multipart field' },
  INVALID_METADATA: { transient: false, message: 'metadata must be a JSON object' },
  INVALID_CURSOR: { transient: false, message: 'the cursor is not valid' },
  QUOTA_EXCEEDED: { transient: false, message: "the tenant's upload quota is used up" },
  TOO_MANY_AUTH_FAILURES: { transient: false, message: 'too many failed API-key checks' },
} as const;

export type GatewayErrorCode = keyof typeof gatewayErrorCodes;

export function gatewayError(
  code: GatewayErrorCode,
  message?: string,
  details?: Record<string, unknown>,
): DocflowError {
  return new DocflowError(code, message ?? gatewayErrorCodes[code].message, {
    transient: gatewayErrorCodes[code].transient,
    ...(details ? { details } : {}),
  });
}
