import JSZip from 'jszip';
import { accepted, errorText, refused, type Inspection } from './rejection';

/** The most a Word document's body may inflate to: beyond it, a ZIP bomb more than a document. */
export const MAX_DOCX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Checks that a Word (DOCX) document opens and that its body (`word/document.xml`) exists and
 * inflates to at most MAX_DOCX_BODY_BYTES, counted while inflating, never trusted from the header.
 */
export async function inspectDocx(bytes: Buffer): Promise<Inspection> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    return refused('corrupt', 'Word document cannot be opened', { error: errorText(err) });
  }
  const body = zip.file('word/document.xml');
  if (!body) return refused('corrupt', 'Word document has no body (word/document.xml)');
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const stream = body.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_DOCX_BODY_BYTES) return;
        stream.pause();
        stream.removeAllListeners('data');
        resolve();
      });
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
  } catch (err) {
    return refused('corrupt', 'Word document body cannot be inflated', { error: errorText(err) });
  }
  if (size > MAX_DOCX_BODY_BYTES)
    return refused(
      'too_large',
      `Word document body inflates to more than ${MAX_DOCX_BODY_BYTES} bytes`,
      { maxBytes: MAX_DOCX_BODY_BYTES },
    );
  return accepted();
}
