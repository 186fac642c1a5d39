import { runtimeErrorCodes, type RuntimeErrorCode } from './codes';

export interface DocflowErrorOptions {
  /** Whether retrying later can succeed. Defaults from the code's registry entry. */
  transient?: boolean;
  /** Expected failure (bad input, outage) rather than a bug. */
  operational?: boolean;
  /**
   * A server the work needs is away (connection refused, breaker open): nothing is wrong with the
   * work itself, so consumers keep retrying it while the outage lasts. Defaults from the registry.
   */
  outage?: boolean;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one base error of docflow: a stable code, whether a retry helps, and the cause. */
export class DocflowError extends Error {
  readonly code: string;
  readonly isTransient: boolean;
  readonly isOperational: boolean;
  readonly isOutage: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: DocflowErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DocflowError';
    this.code = code;
    const known = (
      runtimeErrorCodes as Record<string, { transient: boolean; outage?: boolean } | undefined>
    )[code];
    this.isTransient = options.transient ?? known?.transient ?? false;
    this.isOperational = options.operational ?? true;
    this.isOutage = this.isTransient && (options.outage ?? known?.outage ?? false);
    this.details = options.details;
  }
}

/** A runtime error from the registry, with the registry's default message. */
export function runtimeError(
  code: RuntimeErrorCode,
  message?: string,
  options: Omit<DocflowErrorOptions, 'transient'> = {},
): DocflowError {
  return new DocflowError(code, message ?? runtimeErrorCodes[code].message, options);
}

export const transientError = (
  code: string,
  message: string,
  options: Omit<DocflowErrorOptions, 'transient'> = {},
) => new DocflowError(code, message, { ...options, transient: true });

export const permanentError = (
  code: string,
  message: string,
  options: Omit<DocflowErrorOptions, 'transient'> = {},
) => new DocflowError(code, message, { ...options, transient: false });
