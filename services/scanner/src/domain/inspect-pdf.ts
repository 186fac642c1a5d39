import { PdfError, type PdfEngine } from '@docflow/pdf';
import { accepted, refused, type Inspection, type Limits } from './rejection';

/** Bytes at the end of a PDF in which its `%%EOF` marker must appear. */
const EOF_WINDOW = 2048;

/**
 * Checks a PDF's integrity (end marker, readable by poppler, at least one page), encryption and
 * page count, with the same engine the OCR stage reads it with. A file cut short loses its trailer
 * and `%%EOF`, which is what identifies it as truncated (poppler would rebuild some of those).
 * A PDF that needs more memory or output than the budget to be read is refused as corrupt; one
 * that runs out of time throws, as that can be the machine's load (a transient error).
 */
export async function inspectPdf(
  bytes: Buffer,
  limits: Pick<Limits, 'maxPages'>,
  pdf: Pick<PdfEngine, 'info'>,
): Promise<Inspection> {
  const tail = bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).toString('latin1');
  if (!tail.includes('%%EOF'))
    return refused('corrupt', 'PDF is truncated: no end-of-file marker', { problem: 'truncated' });
  const result = await pdf.info(bytes);
  if (!result.ok) {
    const { problem } = result;
    switch (problem.kind) {
      case 'encrypted':
        return refused('encrypted', 'PDF is encrypted; send it without a password');
      case 'corrupt':
        return refused('corrupt', 'PDF structure cannot be read', {
          problem: 'unparsable',
          error: problem.detail,
        });
      case 'budget_exceeded':
        if (problem.limit === 'time') throw new PdfError(problem);
        return refused('corrupt', `PDF cannot be read within its budget: ${problem.message}`, {
          problem: 'budget_exceeded',
          limit: problem.limit,
          budget: problem.budget,
        });
    }
  }
  const { info } = result;
  if (info.encrypted) return refused('encrypted', 'PDF is encrypted; send it without a password');
  if (info.pages === 0) return refused('corrupt', 'PDF has no pages', { problem: 'no_pages' });
  if (info.pages > limits.maxPages)
    return refused(
      'too_many_pages',
      `PDF has ${info.pages} pages; at most ${limits.maxPages} are accepted`,
      { pages: info.pages, maxPages: limits.maxPages },
    );
  return accepted(info.pages);
}
