import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { embeddedInvoiceXml, readCii, sharedDatasetsDir, valuesEqual } from '@docflow/corpus';
import { READY_TIMEOUT_MS } from '@docflow/testing';
import { startPipeline, type Pipeline } from '../support/pipeline';

// Real Factur-X / ZUGFeRD PDFs (../shared/datasets/zugferd) through the six services, the broker
// and the database. jest.config.js runs this project only where the datasets are;
// `npm run eval -- --einvoice <folder>` gives the numbers on the whole corpus.
const ZUGFERD = join(sharedDatasetsDir(resolve(__dirname, '../../../..'))!, 'zugferd');

/** The valid PDFs (not under `fail/`), in name order. */
function validPdfs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return /^(fail|fatturapa)$/i.test(entry.name) ? [] : validPdfs(path);
      return entry.name.toLowerCase().endsWith('.pdf') ? [path] : [];
    });
}

/** Every tenth PDF: a fixed spread over generators and profiles, not files picked for how they read. */
const SAMPLE = validPdfs(ZUGFERD).filter((_, i) => i % 10 === 0);
/** Upload names are unique within the batch: the path below the corpus, slashes as dashes. */
const nameOf = (path: string) => relative(ZUGFERD, path).replace(/[\\/]/g, '-');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- document views, checked below
type View = any;

describe('real e-invoice PDFs through the whole pipeline', () => {
  let pipeline: Pipeline;
  let key: string;
  let views = new Map<string, View>();
  const truths = new Map<string, ReturnType<typeof readCii>>();

  beforeAll(async () => {
    for (const path of SAMPLE) {
      const xml = await embeddedInvoiceXml(path);
      if (xml) truths.set(nameOf(path), readCii(xml));
    }
    pipeline = await startPipeline({ name: 'e2e-real-einvoices' });
    key = await pipeline.createTenant();
    views = await pipeline.settleFiles(
      key,
      SAMPLE.map((path) => ({ name: nameOf(path), bytes: readFileSync(path) })),
    );
  }, READY_TIMEOUT_MS + 300_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('when the PDFs are uploaded as a batch, then each is recognised as an e-invoice and decided by its XML', () => {
    expect(truths.size).toBe(SAMPLE.length);
    const outcomes = SAMPLE.map(nameOf).map((name) => ({
      name,
      status: views.get(name)?.status,
      syntax: views.get(name)?.scan?.einvoice?.syntax,
      modelVersion: views.get(name)?.result?.modelVersion,
      docType: views.get(name)?.result?.docType,
      errors: views.get(name)?.errors,
    }));
    expect(outcomes.filter((o) => !['published', 'needs_review'].includes(o.status))).toEqual([]);
    for (const o of outcomes)
      expect(o).toMatchObject({
        syntax: 'cii',
        modelVersion: 'embedded_xml',
        docType: truths.get(o.name)!.docType,
      });
  });

  it("when an e-invoice is published, then its record carries the XML's number and total", async () => {
    const published = SAMPLE.map(nameOf).filter((n) => views.get(n).status === 'published');
    // on the whole corpus 96 of 99 are published; the others' pages show another total
    expect(published.length).toBeGreaterThanOrEqual(SAMPLE.length - 2);
    for (const name of published) {
      const [ref] = views.get(name).records as { collection: string; id: string }[];
      expect({ name, collection: ref?.collection }).toEqual({ name, collection: 'invoices' });
      const record = await pipeline.ctx.db
        .collection<{ _id: string }>(ref!.collection)
        .findOne({ _id: ref!.id });
      const truth = truths.get(name)!.fields;
      const read = { number: record?.number, total: record?.total };
      expect({ name, ...read }).toEqual({
        name,
        number: truth.invoiceNumber ?? read.number,
        total: expect.any(Number),
      });
      if (truth.total !== undefined)
        expect({ name, total: valuesEqual(truth.total, record?.total) }).toEqual({
          name,
          total: true,
        });
    }
  });

  it('when an e-invoice is sent to review, then a finding says why', () => {
    for (const name of SAMPLE.map(nameOf).filter((n) => views.get(n).status === 'needs_review')) {
      const findings = (views.get(name).result?.findings ?? []) as { severity: string }[];
      expect({ name, findings }).toEqual({
        name,
        findings: expect.arrayContaining([expect.objectContaining({ severity: 'error' })]),
      });
    }
  });
});
