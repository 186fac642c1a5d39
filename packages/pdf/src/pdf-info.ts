/**
 * A page's size in points (1/72 inch), as poppler reports it: the crop box, before the page's
 * rotation (`pageRotations`).
 */
export interface PageSize {
  width: number;
  height: number;
}

/** What pdfinfo says about a PDF that opens. */
export interface PdfInfo {
  pages: number;
  /** Every page's size when asked for (`allPageSizes`), else the first page's; empty without pages. */
  pageSizes: PageSize[];
  /**
   * Every page's rotation when asked for (`allPageSizes`), else the first page's: degrees
   * clockwise (0, 90, 180, 270) the page is shown turned by (its /Rotate).
   */
  pageRotations: number[];
  /** Encrypted, though openable without a password (an owner password only). */
  encrypted: boolean;
  /** `1.7`, or null when pdfinfo does not say. */
  version: string | null;
}

const field = (listing: string, name: string): string | undefined =>
  new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(listing)?.[1]?.trim();

const size = (text: string): PageSize | undefined => {
  const match = /^([\d.]+) x ([\d.]+) pts/.exec(text);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
};

/**
 * Parses pdfinfo's listing (`pdfinfo -enc UTF-8`, with `-f 1 -l N` for every page's size).
 * Undefined when it names no page count, which no readable PDF lacks.
 */
export function parsePdfInfo(listing: string): PdfInfo | undefined {
  const pagesText = field(listing, 'Pages');
  if (pagesText === undefined || !/^\d+$/.test(pagesText)) return undefined;
  const perPage = [...listing.matchAll(/^Page +\d+ size:[ \t]*(.*)$/gm)]
    .map((m) => size(m[1]!))
    .filter((s): s is PageSize => s !== undefined);
  const first = size(field(listing, 'Page size') ?? '');
  const rotations = [...listing.matchAll(/^Page +\d+ rot:[ \t]*(-?\d+)/gm)].map((m) =>
    Number(m[1]),
  );
  const firstRotation = Number(field(listing, 'Page rot'));
  return {
    pages: Number(pagesText),
    pageSizes: perPage.length > 0 ? perPage : first ? [first] : [],
    pageRotations: (rotations.length > 0
      ? rotations
      : Number.isFinite(firstRotation)
        ? [firstRotation]
        : []
    ).map((r) => ((r % 360) + 360) % 360),
    encrypted: (field(listing, 'Encrypted') ?? 'no').startsWith('yes'),
    version: field(listing, 'PDF version') ?? null,
  };
}
