import { DocflowError } from '@docflow/platform';
import { archiveLimitSetting, type ArchiveLimits } from './archive-limits';

/** Why a ZIP-based file cannot be read: callers branch on the kind. */
export type ArchiveProblem =
  | { kind: 'corrupt'; message: string }
  | {
      kind: 'too_large';
      message: string;
      /** The limit that was reached. */
      limit: keyof ArchiveLimits;
      /** Its value (bytes, entries, or a ratio). */
      budget: number;
      /** The environment variable that sets it. */
      setting: string;
      /** The entry being inflated when the limit was reached. */
      entry?: string;
    };

export const archiveErrorCodes = {
  ARCHIVE_CORRUPT: { transient: false },
  ARCHIVE_TOO_LARGE: { transient: false },
} as const;

/** A ZIP-based file that cannot be read, or that goes past a limit: `problem` says which. */
export class ArchiveError extends DocflowError {
  constructor(readonly problem: ArchiveProblem) {
    super(problem.kind === 'corrupt' ? 'ARCHIVE_CORRUPT' : 'ARCHIVE_TOO_LARGE', problem.message, {
      transient: false,
      details: { ...problem },
    });
    this.name = 'ArchiveError';
  }
}

export const corrupt = (message: string): ArchiveError =>
  new ArchiveError({ kind: 'corrupt', message });

const what: Record<keyof ArchiveLimits, string> = {
  maxEntryBytes: 'inflates past {budget} bytes',
  maxTotalBytes: 'inflates past {budget} bytes in all',
  maxEntries: 'has more than {budget} entries',
  maxRatio: 'inflates past {budget} times its compressed size',
  maxCells: 'has more than {budget} cells in its sheets',
};

/** `archive entry "xl/worksheets/sheet1.xml" inflates past 1024 bytes (ARCHIVE_MAX_ENTRY_BYTES)` */
export function tooLarge(limit: keyof ArchiveLimits, budget: number, entry?: string): ArchiveError {
  const setting = archiveLimitSetting[limit];
  const subject = entry === undefined ? 'archive' : `archive entry "${entry.slice(0, 100)}"`;
  const message = `${subject} ${what[limit].replace('{budget}', String(budget))} (${setting})`;
  return new ArchiveError({
    kind: 'too_large',
    message,
    limit,
    budget,
    setting,
    ...(entry === undefined ? {} : { entry }),
  });
}
