/**
 * Writes `samples/`, the documents `npm run demo` uploads: realistic EN and ES business documents
 * as digital PDFs, scans and photos (rendered with poppler and degraded with sharp), plain text, a
 * Word document, a spreadsheet, a truncated PDF and three structured e-invoices (einvoices()). Run once; the output is committed. (The infected test file is
 * written by the demo at run time, so no malware signature sits in the repository.)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import {
  COLOMBIAN_INVOICE,
  GERMAN_INVOICE,
  ciiInvoiceXml,
  dianAttachedDocumentXml,
  docx,
  facturxPdf,
  ublInvoiceXml,
} from '@docflow/fixtures';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const SANITY = join(ROOT, 'packages/corpus/corpus/sanity');
const OUT = join(ROOT, 'samples');

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { CreationDate: new Date('2024-07-05T09:00:00Z'), Producer: 'docflow samples' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Courier').fontSize(9.5).text(text, { lineGap: 3 });
    doc.end();
  });
}

async function scan(text: string, dpi: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'docflow-sample-'));
  try {
    await writeFile(join(dir, 'p.pdf'), await pdf(text));
    await run('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      '-singlefile',
      join(dir, 'p.pdf'),
      join(dir, 'p'),
    ]);
    return await readFile(join(dir, 'p.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A phone photo of a page: slightly rotated, blurred, grey paper, JPEG. */
async function photo(png: Buffer, degrees: number): Promise<Buffer> {
  return sharp(png)
    .rotate(degrees, { background: '#d8d4cc' })
    .blur(0.6)
    .linear(0.85, 20)
    .jpeg({ quality: 78 })
    .toBuffer();
}

const text = (name: string) => readFile(join(SANITY, `${name}.txt`), 'utf8');

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const files: [string, Buffer | string][] = [
    ['us-invoice.pdf', await pdf(await text('01-us-invoice'))],
    ['factura-colombia.pdf', await pdf(await text('02-co-factura'))],
    ['ticket-gasolinera.jpg', await photo(await scan(await text('03-es-ticket'), 200), 2.5)],
    ['uk-bank-statement.pdf', await pdf(await text('04-uk-statement'))],
    ['nomina-marzo.png', await scan(await text('05-es-nomina'), 200)],
    ['contrato-arrendamiento.txt', await text('06-es-contrato')],
    ['credit-note.pdf', await pdf(await text('07-en-credit'))],
    ['meeting-notes.txt', await text('08-en-other')],
    [
      'boleta-lima.png',
      await sharp(await scan(await text('09-pe-boleta'), 200))
        .rotate(90)
        .png()
        .toBuffer(),
    ],
    ['uk-vat-invoice.docx', await docx([await text('18-uk-vat-invoice')])],
    ['truncated-invoice.pdf', (await pdf(await text('01-us-invoice'))).subarray(0, 900)],
  ];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Gastos Q1');
  sheet.addRow(['Fecha', 'Concepto', 'Proveedor', 'Importe', 'IVA']);
  for (const row of [
    ['2024-01-12', 'Material de oficina', 'Papelería Central S.L.', 184.2, 38.68],
    ['2024-02-03', 'Servicio de limpieza', 'Limpiezas Brillo S.A.', 450, 94.5],
    ['2024-03-21', 'Mantenimiento web', 'Estudio Pixel S.L.', 1200, 252],
  ])
    sheet.addRow(row);
  files.push(['gastos-q1.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())]);
  files.push(...(await einvoices()));
  for (const [name, content] of files) await writeFile(join(OUT, name), content);
  process.stdout.write(`wrote ${files.length} samples to ${OUT}\n`);
}

void main();

/**
 * The structured e-invoices: a Factur-X PDF (CII embedded as factur-x.xml), a PEPPOL BIS 3 UBL
 * invoice and a DIAN Colombia invoice in its AttachedDocument, all generated from the fixtures'
 * invoice specs (no third-party file is copied).
 */
export async function einvoices(): Promise<[string, Buffer][]> {
  const peppol = { ...GERMAN_INVOICE, number: 'INV-2024-0042' };
  const dian = ublInvoiceXml(COLOMBIAN_INVOICE, 'dian');
  return [
    ['rechnung-facturx.pdf', await facturxPdf(GERMAN_INVOICE, ciiInvoiceXml(GERMAN_INVOICE))],
    ['invoice-peppol-ubl.xml', Buffer.from(ublInvoiceXml(peppol))],
    ['factura-dian.xml', Buffer.from(dianAttachedDocumentXml(dian, COLOMBIAN_INVOICE.number))],
  ];
}
