import { PDFDocument } from 'pdf-lib';
import { accepted, errorText, refused, type Inspection, type Limits } from './rejection';

/** Bytes at the end of a PDF in which its `%%EOF` marker must appear. */
const EOF_WINDOW = 2048;

/**
 * Checks a PDF's integrity (end marker, parsable structure, at least one page), encryption and page
 * count. A file cut short loses its trailer and `%%EOF`, which is what identifies it as truncated.
 */
export async function inspectPdf(
  bytes: Buffer,
  limits: Pick<Limits, 'maxPages'>,
): Promise<Inspection> {
  const tail = bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).toString('latin1');
  if (!tail.includes('%%EOF'))
    return refused('corrupt', 'PDF is truncated: no end-of-file marker', { problem: 'truncated' });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    });
  } catch (err) {
    return refused('corrupt', 'PDF structure cannot be read', {
      problem: 'unparsable',
      error: errorText(err),
    });
  }
  if (doc.isEncrypted) return refused('encrypted', 'PDF is encrypted; send it without a password');
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch (err) {
    return refused('corrupt', 'PDF page tree cannot be read', {
      problem: 'page_tree',
      error: errorText(err),
    });
  }
  if (pages === 0) return refused('corrupt', 'PDF has no pages', { problem: 'no_pages' });
  if (pages > limits.maxPages)
    return refused(
      'too_many_pages',
      `PDF has ${pages} pages; at most ${limits.maxPages} are accepted`,
      {
        pages,
        maxPages: limits.maxPages,
      },
    );
  return accepted(pages);
}
