import { ConfigError, DocflowError } from '@docflow/platform';

/** Exit codes of the `docflow` command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The command line was wrong (unknown command, missing argument, bad option, missing key). */
export class UsageError extends DocflowError {
  constructor(message: string) {
    super('CLI_USAGE', message, { transient: false });
    this.name = 'UsageError';
  }
}

/** The gateway could not be reached, refused a request, or answered something unexpected. */
export class GatewayError extends DocflowError {
  constructor(
    code: string,
    message: string,
    readonly status: number | null,
    options: { retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(code, message, {
      transient: status === null || status === 429 || status >= 500,
      ...(options.retryAfterSeconds !== undefined
        ? { details: { retryAfterSeconds: options.retryAfterSeconds } }
        : {}),
      ...(options.cause !== undefined ? { cause: options.cause } : {}),
    });
    this.name = 'GatewayError';
  }

  /** An error response of the gateway (`{ error, message }`, or whatever a proxy sent). */
  static fromResponse(response: {
    request: string;
    status: number;
    body: { error: string; message: string } | null;
    text: string;
    retryAfterSeconds?: number | undefined;
    /** What was asked for, named in a 404 message (e.g. the document id). */
    subject?: string | undefined;
    /** The variable holding the key that was sent, named in a 401 message. */
    keyName: string;
  }): GatewayError {
    const { request, status, body, retryAfterSeconds, subject } = response;
    const code = body?.error ?? `HTTP_${status}`;
    const said = body?.message ?? (response.text.trim().slice(0, 200) || 'no message');
    let message: string;
    if (status === 401)
      message = `the gateway refused the key: ${said} (401 ${code}); check ${response.keyName}`;
    else if (status === 404) message = `${said}${subject ? `: ${subject}` : ''} (404 ${code})`;
    else if (status === 413)
      message = `the gateway refused the upload as too large: ${said} (413 ${code})`;
    else if (status === 429)
      message = `the gateway rate-limits this key: ${said} (429)${retryAfterSeconds !== undefined ? `; retry after ${retryAfterSeconds} s` : ''}`;
    else if (status >= 500) message = `the gateway failed ${request}: ${said} (${status} ${code})`;
    else message = `${request} was refused: ${said} (${status} ${code})`;
    return new GatewayError(
      code,
      message,
      status,
      retryAfterSeconds !== undefined ? { retryAfterSeconds } : {},
    );
  }
}

/** What a failure means for the person at the terminal: one line and an exit code. */
export function describeFailure(err: unknown): {
  code: string;
  message: string;
  exitCode: number;
  status?: number;
} {
  if (err instanceof UsageError || err instanceof ConfigError)
    return { code: err.code, message: err.message, exitCode: EXIT.usage };
  // node:util parseArgs: an unknown option, a missing value (not `instanceof` across realms)
  const nodeCode = (err as { code?: unknown } | null)?.code;
  if (typeof nodeCode === 'string' && nodeCode.startsWith('ERR_PARSE_ARGS'))
    return { code: 'CLI_USAGE', message: (err as Error).message, exitCode: EXIT.usage };
  if (err instanceof GatewayError)
    return {
      code: err.code,
      message: err.message,
      exitCode: EXIT.failed,
      ...(err.status !== null ? { status: err.status } : {}),
    };
  if (err instanceof DocflowError)
    return { code: err.code, message: err.message, exitCode: EXIT.failed };
  return {
    code: 'CLI_FAILED',
    message: err instanceof Error ? err.message : String(err),
    exitCode: EXIT.failed,
  };
}
