import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readCii } from './cii-truth';
import type { LabelledDoc } from './labelled-doc';
import { pickSubset, type LoadedDataset, type LoadOptions } from './dataset';
import { embeddedInvoiceXml } from './embedded-xml';
import type { OcrReader } from './ocr-reader';
import { runPool } from './run-pool';

/** Folders that hold no valid e-invoices: the corpus's invalid files and the Italian XML set. */
const SKIPPED_FOLDERS = /^(fail|fatturapa|node_modules|\..*)$/i;
/** Sample sets known to be French (the rest of the ZUGFeRD corpus is German). */
const FRENCH = /fnfe|factur-?x/i;

function pdfsUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.test(entry.name)) found.push(...pdfsUnder(path));
    } else if (entry.name.toLowerCase().endsWith('.pdf')) found.push(path);
  }
  return found;
}

/** A folder with PDFs somewhere under it (outside `fail/` and `fatturaPA/`). */
export const hasPdfs = (dir: string): boolean => pdfsUnder(dir).length > 0;

/**
 * Every PDF with an embedded CII invoice: truth from the XML, text from the OCR stage's PDF path
 * (text layer where usable, OCR elsewhere), so the fields are scored on what the page shows.
 */
export async function loadZugferd(
  dir: string,
  options: LoadOptions,
  ocr: OcrReader,
): Promise<LoadedDataset> {
  const skipped: LoadedDataset['skipped'] = [];
  // ids are paths under the folder without `.pdf`, as `--only` names them
  const pdfs = pickSubset(
    pdfsUnder(dir),
    (path) => relative(dir, path).replace(/\.pdf$/i, ''),
    options.subset,
  );
  const docs = await runPool(
    pdfs,
    options.concurrency,
    async (path): Promise<LabelledDoc | undefined> => {
      const id = relative(dir, path);
      try {
        const xml = await embeddedInvoiceXml(path);
        if (xml === undefined) {
          skipped.push({ id, reason: 'no embedded invoice XML' });
          return undefined;
        }
        const truth = readCii(xml);
        const { text } = await ocr.read('pdf', readFileSync(path));
        return { id, lang: FRENCH.test(id) ? 'fr' : 'de', text, ...truth };
      } catch (err) {
        skipped.push({ id, reason: (err as Error).message.slice(0, 200) });
        return undefined;
      }
    },
    (done, total) => {
      if (done % 20 === 0 || done === total) options.progress(`zugferd: ${done}/${total}`);
    },
  );
  return {
    kind: 'zugferd',
    docs: docs.filter((d): d is LabelledDoc => d !== undefined),
    skipped: skipped.sort((a, b) => a.id.localeCompare(b.id)),
  };
}
