import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EInvoiceError, einvoiceAttachment, readEInvoice } from '@docflow/einvoice';
import type { PdfEngine } from '@docflow/pdf';
import { readCii } from './cii-truth';
import type { Truth } from './labelled-doc';
import { readUbl } from './ubl-truth';
import { readFatturapa } from './fatturapa-truth';

/** What the structured path made of one file of an e-invoice dataset. */
export interface EInvoiceFileResult {
  id: string;
  kind: 'pdf' | 'xml';
  /** Under a `fail/` folder: a file the corpus marks invalid. */
  invalid: boolean;
  /** The PDF embeds XML (any .xml attachment); always true for XML files. */
  hasXml: boolean;
  /** A reader recognised and read it (syntax), or why not. */
  syntax?: string;
  error?: string;
  /** Fields the reference reading found, and which of them the reader mapped to the same value. */
  present: string[];
  mismatched: { field: string; reference: string | number; read: string | number | null }[];
  /** For PDFs: the structured decision on the PDF's text layer (outcome and finding codes). */
  outcome?: string;
  findings?: string[];
}

/** Files under `dir` with the extensions, in name order (node_modules and hidden folders skipped). */
function filesUnder(dir: string, ext: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!/^(node_modules|\..*)$/.test(entry.name)) found.push(...filesUnder(path, ext));
    } else if (ext.test(entry.name)) found.push(path);
  }
  return found;
}

/** The reference reading (regex-based, independent of the readers), when the syntax has one. */
function reference(xml: string): Truth | undefined {
  try {
    return readCii(xml);
  } catch {
    try {
      return readUbl(xml);
    } catch {
      try {
        return readFatturapa(xml);
      } catch {
        return undefined;
      }
    }
  }
}

/** The reader's values under the reference's field names. */
function readValues(xml: string): {
  syntax: string;
  values: Record<string, string | number | null>;
} {
  const { invoice } = readEInvoice(xml);
  return {
    syntax: invoice.syntax,
    values: {
      docType: invoice.docType,
      invoiceNumber: invoice.number,
      issueDate: invoice.issueDate,
      sellerName: invoice.seller.name,
      buyerName: invoice.buyer.name,
      subtotal: invoice.totals.net ?? invoice.totals.lineTotal,
      taxAmount: invoice.totals.tax,
      total: invoice.totals.total,
      currency: invoice.currency,
    },
  };
}

const same = (a: string | number, b: string | number | null) =>
  typeof a === 'number'
    ? typeof b === 'number' && Math.abs(a - b) < 0.005
    : String(a).replace(/\s+/g, ' ').trim() ===
      String(b ?? '')
        .replace(/\s+/g, ' ')
        .trim();

/** Compares one XML text with its reference reading. */
export function scoreXml(
  id: string,
  kind: 'pdf' | 'xml',
  invalid: boolean,
  xml: string,
): EInvoiceFileResult {
  const result: EInvoiceFileResult = {
    id,
    kind,
    invalid,
    hasXml: true,
    present: [],
    mismatched: [],
  };
  const truth = reference(xml);
  let read;
  try {
    read = readValues(xml);
  } catch (err) {
    result.error = err instanceof EInvoiceError ? err.code : (err as Error).message.slice(0, 200);
    if (truth) result.present = ['docType', ...Object.keys(truth.fields)];
    return result;
  }
  result.syntax = read.syntax;
  if (!truth) return result;
  const expected: Record<string, string | number> = { docType: truth.docType, ...truth.fields };
  for (const [field, value] of Object.entries(expected)) {
    result.present.push(field);
    const got = read.values[field] ?? null;
    if (!same(value, got)) result.mismatched.push({ field, reference: value, read: got });
  }
  return result;
}

/** Every PDF (its embedded XML, through pdfdetach) and every XML file of a dataset folder. */
export async function scoreEInvoiceFolder(
  dir: string,
  pdf: Pick<PdfEngine, 'open'>,
  decide: (xml: string, text: string) => { outcome: string; findings: string[] },
  progress: (line: string) => void,
): Promise<EInvoiceFileResult[]> {
  const results: EInvoiceFileResult[] = [];
  const isInvalid = (path: string) => /(^|\/)fail(\/|$)/i.test(relative(dir, path));
  for (const path of filesUnder(dir, /\.xml$/i)) {
    results.push(scoreXml(relative(dir, path), 'xml', isInvalid(path), readFileSync(path, 'utf8')));
  }
  const pdfs = filesUnder(dir, /\.pdf$/i);
  for (const [i, path] of pdfs.entries()) {
    const id = relative(dir, path);
    const bytes = readFileSync(path);
    const found = await pdf
      .open(bytes, async (file) => {
        const names = await file.attachments();
        const chosen = einvoiceAttachment(names);
        const anyXml = names.some((n) => /\.xml$/i.test(n));
        if (!chosen) return { anyXml };
        const xml = (await file.attachment(chosen.number)).toString('utf8');
        return { anyXml, xml, text: (await file.pageTexts()).join('\f') };
      })
      .catch((err: Error) => ({ anyXml: false, error: err.message }));
    if (!('xml' in found) || found.xml === undefined) {
      results.push({
        id,
        kind: 'pdf',
        invalid: isInvalid(path),
        hasXml: found.anyXml,
        ...('error' in found
          ? { error: found.error }
          : found.anyXml
            ? { error: 'no e-invoice attachment name' }
            : {}),
        present: [],
        mismatched: [],
      });
      continue;
    }
    const scored = scoreXml(id, 'pdf', isInvalid(path), found.xml);
    if (scored.syntax) {
      const decision = decide(found.xml, found.text);
      scored.outcome = decision.outcome;
      scored.findings = decision.findings;
    }
    results.push(scored);
    if ((i + 1) % 20 === 0 || i + 1 === pdfs.length)
      progress(`einvoice: ${i + 1}/${pdfs.length} PDFs`);
  }
  return results;
}

/** The dataset's numbers: recognition, fields mapped, false mismatches on valid files. */
export function summariseEInvoices(results: EInvoiceFileResult[]) {
  const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);
  const valid = results.filter((r) => !r.invalid);
  const withXml = valid.filter((r) => r.hasXml);
  const recognised = withXml.filter((r) => r.syntax);
  const pdfs = withXml.filter((r) => r.kind === 'pdf');
  const present = recognised.reduce((n, r) => n + r.present.length, 0);
  const wrong = recognised.reduce((n, r) => n + r.mismatched.length, 0);
  const decided = pdfs.filter((r) => r.outcome);
  const count = (code: string) => decided.filter((r) => r.findings!.includes(code)).length;
  const bySyntax: Record<string, number> = {};
  for (const r of recognised) bySyntax[r.syntax!] = (bySyntax[r.syntax!] ?? 0) + 1;
  return {
    validFiles: valid.length,
    withEmbeddedOrXml: withXml.length,
    recognised: recognised.length,
    recognisedPct: pct(recognised.length, withXml.length),
    recognisedPdfs: pdfs.filter((r) => r.syntax).length,
    pdfsWithXml: pdfs.length,
    recognisedPdfsPct: pct(pdfs.filter((r) => r.syntax).length, pdfs.length),
    bySyntax,
    fieldsPresent: present,
    fieldsMapped: present - wrong,
    fieldsMappedPct: pct(present - wrong, present),
    pdfsDecided: decided.length,
    published: decided.filter((r) => r.outcome === 'classified').length,
    mismatchOnValid: count('embedded_xml.mismatch'),
    unverified: count('embedded_xml.unverified'),
    invalidFiles: results.filter((r) => r.invalid).length,
    invalidRecognised: results.filter((r) => r.invalid && r.syntax).length,
    invalidWithFindings: results.filter((r) => r.invalid && (r.findings?.length ?? 0) > 0).length,
    unrecognised: withXml.filter((r) => !r.syntax).map((r) => `${r.id}: ${r.error ?? '?'}`),
    mismatchedFields: recognised.flatMap((r) => r.mismatched.map((m) => ({ id: r.id, ...m }))),
    mismatchedPdfs: decided
      .filter((r) => r.findings!.includes('embedded_xml.mismatch'))
      .map((r) => r.id),
  };
}
