import { env } from '@docflow/platform';

/** What reading one ZIP-based file (XLSX, DOCX) may inflate before it is refused. */
export interface ArchiveLimits {
  /** Bytes one entry may inflate to, counted as they leave the inflater. */
  maxEntryBytes: number;
  /** Bytes all entries read from one file may inflate to, together. */
  maxTotalBytes: number;
  /** Entries the central directory may list. */
  maxEntries: number;
  /** Inflated bytes per compressed byte one entry may reach (past RATIO_FLOOR_BYTES). */
  maxRatio: number;
  /** Cells (gaps before a cell included) read from all sheets of an XLSX workbook. */
  maxCells: number;
}

/** Entries inflating to less than this are not held to the ratio (small XML compresses well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
  maxCells: 10_000_000,
};

/** The environment variable that sets each limit, named in refusals. */
export const archiveLimitSetting = {
  maxEntryBytes: 'ARCHIVE_MAX_ENTRY_BYTES',
  maxTotalBytes: 'ARCHIVE_MAX_TOTAL_BYTES',
  maxEntries: 'ARCHIVE_MAX_ENTRIES',
  maxRatio: 'ARCHIVE_MAX_RATIO',
  maxCells: 'ARCHIVE_MAX_SHEET_CELLS',
} as const satisfies Record<keyof ArchiveLimits, string>;

/**
 * The limits' settings, the same in every service that reads XLSX and DOCX files (the scanner and
 * OCR spread them into their config schemas, and each enforces them on its own).
 */
export const archiveLimitSettings = {
  ARCHIVE_MAX_ENTRY_BYTES: env.int(
    'Most bytes one entry of an XLSX or DOCX file may inflate to, counted while inflating (ZIP headers are not trusted); more refuses the file (scanner: too_large; OCR: BUDGET_EXCEEDED).',
    DEFAULT_ARCHIVE_LIMITS.maxEntryBytes,
    1024,
  ),
  ARCHIVE_MAX_TOTAL_BYTES: env.int(
    'Most bytes all entries read from one XLSX or DOCX file may inflate to together.',
    DEFAULT_ARCHIVE_LIMITS.maxTotalBytes,
    1024,
  ),
  ARCHIVE_MAX_ENTRIES: env.int(
    'Most entries (files inside the ZIP) an XLSX or DOCX file may have.',
    DEFAULT_ARCHIVE_LIMITS.maxEntries,
    1,
  ),
  ARCHIVE_MAX_RATIO: env.int(
    'Most inflated bytes per compressed byte one entry may reach once past 1 MiB (ZIP bombs reach thousands; office XML rarely 50).',
    DEFAULT_ARCHIVE_LIMITS.maxRatio,
    1,
  ),
  ARCHIVE_MAX_SHEET_CELLS: env.int(
    'Most cells an XLSX workbook may yield over all its sheets, counting the empty cells before each one in its row (a cell far to the right pads its row).',
    DEFAULT_ARCHIVE_LIMITS.maxCells,
    1,
  ),
};

/** The limits from a config parsed with `archiveLimitSettings`. */
export const archiveLimitsFromConfig = (config: {
  ARCHIVE_MAX_ENTRY_BYTES: number;
  ARCHIVE_MAX_TOTAL_BYTES: number;
  ARCHIVE_MAX_ENTRIES: number;
  ARCHIVE_MAX_RATIO: number;
  ARCHIVE_MAX_SHEET_CELLS: number;
}): ArchiveLimits => ({
  maxEntryBytes: config.ARCHIVE_MAX_ENTRY_BYTES,
  maxTotalBytes: config.ARCHIVE_MAX_TOTAL_BYTES,
  maxEntries: config.ARCHIVE_MAX_ENTRIES,
  maxRatio: config.ARCHIVE_MAX_RATIO,
  maxCells: config.ARCHIVE_MAX_SHEET_CELLS,
});
