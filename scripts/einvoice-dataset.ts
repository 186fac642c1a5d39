/**
 * Reads every e-invoice XML of a dataset folder through readEInvoice and reports how many parse
 * into a record and what validation finds. Not part of `npm test`: the datasets live outside the
 * repository (../shared/datasets) and are absent on a clean clone.
 *
 *   npx tsc -b packages/einvoice && npx tsx scripts/einvoice-dataset.ts [folder]
 *
 * The folder defaults to ../shared/datasets/zugferd/fatturaPA; its `<set>/valid` and
 * `<set>/fail` subfolders are read (files straight in the folder too).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  EInvoiceError,
  parseXml,
  readEInvoice,
  readFacturaeInvoices,
  readFatturapaInvoices,
  validateEInvoice,
  type EInvoice,
  type EInvoiceFinding,
} from '@docflow/einvoice';

interface Outcome {
  file: string;
  expect: 'valid' | 'fail' | 'unlabelled';
  record: boolean;
  error?: string;
  invoices: number;
  findings: EInvoiceFinding[];
}

const root = resolve(process.argv[2] ?? join(__dirname, '../../shared/datasets/zugferd/fatturaPA'));
const out = (line = '') => process.stdout.write(`${line}\n`);

function xmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && /\.xml$/i.test(path))
    .sort();
}

/**
 * The invoices after the first in a FatturaPA lotto or Facturae batch (readEInvoice reads the
 * first): they are validated too, their findings' fields prefixed with the invoice's position.
 */
function laterInvoices(bytes: Buffer): EInvoice[] {
  const doc = parseXml(bytes);
  if (doc.name === 'FatturaElettronica') return readFatturapaInvoices(doc).slice(1);
  if (doc.name === 'Facturae') return readFacturaeInvoices(doc).slice(1);
  return [];
}

function read(file: string, expect: Outcome['expect']): Outcome {
  const bytes = readFileSync(file);
  const name = relative(root, file);
  try {
    const { findings } = readEInvoice(bytes);
    const later = laterInvoices(bytes).flatMap((invoice, i) =>
      validateEInvoice(invoice).map((f) => ({ ...f, field: `invoice ${i + 2}: ${f.field ?? ''}` })),
    );
    const invoices = 1 + laterInvoices(bytes).length;
    return { file: name, expect, record: true, invoices, findings: [...findings, ...later] };
  } catch (err) {
    if (!(err instanceof EInvoiceError)) throw err;
    return {
      file: name,
      expect,
      record: false,
      error: `${err.code}: ${err.message}`,
      invoices: 0,
      findings: [],
    };
  }
}

if (!existsSync(root)) {
  out(`no dataset at ${root}: nothing to read`);
  process.exit(0);
}
const sets = readdirSync(root)
  .filter((name) => statSync(join(root, name)).isDirectory())
  .sort();
const outcomes: Outcome[] = [
  ...xmlFiles(root).map((f) => read(f, 'unlabelled')),
  ...sets.flatMap((set) => [
    ...xmlFiles(join(root, set, 'valid')).map((f) => read(f, 'valid')),
    ...xmlFiles(join(root, set, 'fail')).map((f) => read(f, 'fail')),
  ]),
];

out(`e-invoice dataset ${root}`);
for (const o of outcomes) {
  const status = o.record
    ? `record (${o.invoices} invoice${o.invoices === 1 ? '' : 's'}), ${o.findings.length} finding(s)`
    : `NO RECORD ${o.error}`;
  out(`  [${o.expect}] ${o.file}: ${status}`);
  for (const f of o.findings)
    out(`      ${f.severity} ${f.rule ?? f.code} ${f.field ?? ''}: ${f.message}`);
}
out();
for (const expect of ['valid', 'fail', 'unlabelled'] as const) {
  const group = outcomes.filter((o) => o.expect === expect);
  if (group.length === 0) {
    if (expect === 'fail') out('fail: no fail/ folder in this dataset');
    continue;
  }
  const records = group.filter((o) => o.record);
  const flagged = group.filter((o) => !o.record || o.findings.some((f) => f.severity === 'error'));
  out(
    `${expect}: ${group.length} files, ${records.length} parse into a record ` +
      `(${records.reduce((n, o) => n + o.invoices, 0)} invoices), ` +
      `${records.filter((o) => o.findings.length === 0).length} without findings, ` +
      `${flagged.length} refused or with an error finding`,
  );
}
const byRule = new Map<string, number>();
for (const f of outcomes.flatMap((o) => o.findings)) {
  const key = `${f.severity} ${f.rule ?? f.code}`;
  byRule.set(key, (byRule.get(key) ?? 0) + 1);
}
out(`findings by rule: ${[...byRule].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`);
