import { DocflowError } from '@docflow/platform';

/** Which part of the budget a tool run went past. */
export type PdfLimit = 'time' | 'output' | 'memory';

/** Why poppler could not read a PDF, in terms a stage can act on. */
export type PdfProblem =
  | { kind: 'corrupt'; message: string; detail: string }
  | { kind: 'encrypted'; message: string }
  | {
      kind: 'budget_exceeded';
      message: string;
      limit: PdfLimit;
      /** The limit's value: milliseconds for time, bytes otherwise. */
      budget: number;
    };

/**
 * Error codes of the PDF engine, with whether a retry can help. A deadline can pass on a machine
 * that is merely busy, so PDF_BUDGET_EXCEEDED is transient for the time limit alone; the same
 * file needs the same output and memory every time.
 */
export const pdfErrorCodes = {
  PDF_CORRUPT: { transient: false },
  PDF_ENCRYPTED: { transient: false },
  PDF_BUDGET_EXCEEDED: { transient: false },
  PDF_TOOLS_UNAVAILABLE: { transient: false },
} as const;

export type PdfErrorCode = keyof typeof pdfErrorCodes;

const codeOf = {
  corrupt: 'PDF_CORRUPT',
  encrypted: 'PDF_ENCRYPTED',
  budget_exceeded: 'PDF_BUDGET_EXCEEDED',
} as const satisfies Record<PdfProblem['kind'], PdfErrorCode>;

/** A PDF poppler could not read: `problem` says why (callers branch on its kind). */
export class PdfError extends DocflowError {
  constructor(
    readonly problem: PdfProblem,
    options: { cause?: unknown } = {},
  ) {
    super(codeOf[problem.kind], problem.message, {
      transient: problem.kind === 'budget_exceeded' && problem.limit === 'time',
      details: { ...problem },
      ...options,
    });
    this.name = 'PdfError';
  }
}

/** poppler's tools cannot be started at all (not installed, not executable). */
export const toolsUnavailable = (tool: string, cause: unknown): DocflowError =>
  new DocflowError(
    'PDF_TOOLS_UNAVAILABLE',
    `${tool} cannot be started (is poppler-utils installed?): ${cause instanceof Error ? cause.message : String(cause)}`,
    { transient: false, operational: false, cause },
  );

const units: [string, number][] = [
  ['GiB', 1024 ** 3],
  ['MiB', 1024 ** 2],
  ['KiB', 1024],
];

/** `512 MiB`, `20 s`: a limit as a person reads it. */
export function limitText(limit: PdfLimit, budget: number): string {
  if (limit === 'time') return `${budget / 1000} s`;
  const unit = units.find(([, size]) => budget >= size);
  return unit ? `${Math.round((budget / unit[1]) * 10) / 10} ${unit[0]}` : `${budget} bytes`;
}

export const budgetExceeded = (tool: string, limit: PdfLimit, budget: number): PdfProblem => ({
  kind: 'budget_exceeded',
  limit,
  budget,
  message: `${tool} went past its ${limit} budget (${limitText(limit, budget)})`,
});
