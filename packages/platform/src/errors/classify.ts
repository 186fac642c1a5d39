import { DocflowError } from './docflow-error';

export interface ErrorSummary {
  code: string;
  message: string;
  transient: boolean;
  operational: boolean;
  /** A server the work needs is away (see DocflowErrorOptions.outage); absent means no. */
  outage?: boolean;
}

const transientNetworkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ESOCKETTIMEDOUT',
]);
const transientErrorNames = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'IllegalOperationError',
]);
const bugNames = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);

/**
 * The single place that decides whether a failure is worth retrying. Shared by HTTP handlers,
 * consumers and jobs. Unknown errors are treated as transient (most are I/O), bugs as permanent.
 */
export function classifyError(err: unknown): ErrorSummary {
  if (err instanceof DocflowError) {
    return {
      code: err.code,
      message: err.message,
      transient: err.isTransient,
      operational: err.isOperational,
      outage: err.isOutage,
    };
  }
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && transientNetworkCodes.has(code)) {
      return { code, message: err.message, transient: true, operational: true, outage: true };
    }
    const labels = err as { hasErrorLabel?: (label: string) => boolean };
    if (transientErrorNames.has(err.name) || labels.hasErrorLabel?.('RetryableWriteError')) {
      return {
        code: err.name,
        message: err.message,
        transient: true,
        operational: true,
        // the server is unreachable; a retryable write alone (e.g. a primary stepping down) is not
        outage: transientErrorNames.has(err.name),
      };
    }
    if (bugNames.has(err.name)) {
      return {
        code: 'INTERNAL',
        message: `${err.name}: ${err.message}`,
        transient: false,
        operational: false,
      };
    }
    return { code: err.name || 'ERROR', message: err.message, transient: true, operational: true };
  }
  return { code: 'INTERNAL', message: String(err), transient: false, operational: false };
}
