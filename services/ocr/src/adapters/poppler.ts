import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { permanentError } from '@docflow/platform';

const run = promisify(execFile);

/** One PDF on disk, read with poppler-utils (pdfinfo, pdftotext, pdftoppm). */
export interface PopplerPdf {
  pageCount(): Promise<number>;
  /** The text layer of every page, in order (pdftotext separates pages with form feeds). */
  pageTexts(): Promise<string[]>;
  /** One page rendered as a grayscale PNG. */
  render(page: number, dpi: number): Promise<Buffer>;
}

const pagesSchema = z.coerce.number().int().min(0);

/** Writes the PDF to a private temporary folder for the duration of `work`. */
export async function withPdf<T>(
  bytes: Buffer,
  work: (pdf: PopplerPdf) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'docflow-pdf-'));
  const file = join(dir, 'document.pdf');
  const tool = async (command: string, args: string[]): Promise<string> => {
    try {
      const { stdout } = await run(command, args, {
        maxBuffer: 256 * 1024 * 1024,
        ...(signal ? { signal } : {}),
      });
      return stdout;
    } catch (err) {
      if (signal?.aborted) throw err;
      throw permanentError(
        'PDF_UNREADABLE',
        `${command} failed: ${(err as Error).message.slice(0, 300)}`,
        {
          cause: err,
        },
      );
    }
  };
  try {
    await writeFile(file, bytes);
    return await work({
      async pageCount() {
        const info = await tool('pdfinfo', [file]);
        return pagesSchema.parse(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      },
      async pageTexts() {
        const text = await tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
        const pages = text.split('\f');
        if (pages.length > 0 && pages[pages.length - 1]!.trim() === '') pages.pop();
        return pages;
      },
      async render(page, dpi) {
        const prefix = join(dir, `page-${page}`);
        await tool('pdftoppm', [
          '-f',
          String(page),
          '-l',
          String(page),
          '-r',
          String(dpi),
          '-gray',
          '-png',
          '-singlefile',
          file,
          prefix,
        ]);
        return readFile(`${prefix}.png`);
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
