import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PDF_BUDGET, findOnPath, runTool } from '@docflow/pdf';

/** Names e-invoice standards give their embedded XML, best first. */
const INVOICE_XML = /factur-x|zugferd|xrechnung|invoice|rechnung/i;

/**
 * The e-invoice XML embedded in a PDF (`pdfdetach -saveall` under the PDF budget, into a temporary
 * folder removed afterwards): the attachment named like an invoice, else the only XML one.
 * Undefined when the PDF carries no XML; an error when poppler cannot read the file.
 */
export async function embeddedInvoiceXml(pdfPath: string): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'docflow-eval-'));
  try {
    const run = await runTool('pdfdetach', ['-saveall', '-o', dir, pdfPath], DEFAULT_PDF_BUDGET, {
      prlimit: await findOnPath('prlimit'),
    });
    if (run.code !== 0)
      throw new Error(
        `pdfdetach failed on ${pdfPath}: ${run.exceeded ? `${run.exceeded} budget` : run.stderr.trim().slice(0, 200)}`,
      );
    const xmls = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.xml'));
    const chosen =
      xmls.find((f) => INVOICE_XML.test(f)) ?? (xmls.length === 1 ? xmls[0] : undefined);
    return chosen ? await readFile(join(dir, chosen), 'utf8') : undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
