import {
  GERMAN_INVOICE,
  ciiInvoiceXml,
  facturxPageText,
  facturxPdf,
  makePdf,
  type EInvoiceSpec,
} from '@docflow/fixtures';
import { pipelineRun } from './pipeline/pipeline-run';
import type { TextDocument } from './pipeline/text-documents';
import type { Servers } from './sandbox';
import { fmt, summarise, type RateSummary } from './stats';

export interface EInvoiceBenchOptions {
  documents: number;
  replicas: number;
  reps: number;
  antivirus: { on: boolean; clamdUrl: string };
}

export interface EInvoiceBenchResult {
  parameters: EInvoiceBenchOptions;
  /** Documents/s through the whole pipeline at max load: Factur-X PDFs (read from their XML). */
  structured: RateSummary;
  /** The same pages as plain PDFs (text layer, read by the classifier's text path). */
  textLayer: RateSummary;
  outcomes: { structured: Record<string, number>; textLayer: Record<string, number> };
}

/** `count` different invoices (numbers and quantities vary, so no duplicate fires). */
function specs(count: number): EInvoiceSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    ...GERMAN_INVOICE,
    number: `RE-2024-${String(10_000 + i)}`,
    lines: GERMAN_INVOICE.lines.map((l, j) => ({ ...l, quantity: 1 + ((i + j) % 9) })),
  }));
}

/**
 * A structured invoice against a text-layer invoice through the whole pipeline: the same pages,
 * once as Factur-X PDFs (XML embedded: no Tesseract, fields from the XML) and once as plain PDFs,
 * each uploaded at max load on a fresh vhost and database, `reps` times, alternating.
 */
export async function einvoiceBench(
  servers: Servers,
  options: EInvoiceBenchOptions,
): Promise<{ result: EInvoiceBenchResult; markdown: string }> {
  const invoices = specs(options.documents);
  const structured: TextDocument[] = await Promise.all(
    invoices.map(async (spec) => ({
      filename: `${spec.number}.pdf`,
      body: await facturxPdf(spec, ciiInvoiceXml(spec)),
    })),
  );
  const textLayer: TextDocument[] = await Promise.all(
    invoices.map(async (spec) => ({
      filename: `${spec.number}.pdf`,
      body: await makePdf([{ text: facturxPageText(spec) }]),
    })),
  );
  const run = (docs: TextDocument[]) =>
    pipelineRun(servers, {
      docs,
      load: 'max',
      replicas: options.replicas,
      antivirus: options.antivirus,
    });
  const rates = { structured: [] as number[], textLayer: [] as number[] };
  const outcomes = { structured: {}, textLayer: {} } as EInvoiceBenchResult['outcomes'];
  for (let rep = 0; rep < options.reps; rep++) {
    const a = await run(structured);
    rates.structured.push(a.docsPerSecond);
    outcomes.structured = a.outcomes;
    const b = await run(textLayer);
    rates.textLayer.push(b.docsPerSecond);
    outcomes.textLayer = b.outcomes;
    process.stdout.write(
      `einvoice rep ${rep + 1}: structured ${fmt(a.docsPerSecond)} docs/s, text layer ${fmt(b.docsPerSecond)} docs/s\n`,
    );
  }
  const result: EInvoiceBenchResult = {
    parameters: options,
    structured: summarise(rates.structured),
    textLayer: summarise(rates.textLayer),
    outcomes,
  };
  const row = (name: string, r: RateSummary, o: Record<string, number>) =>
    `| ${name} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`;
  const markdown = [
    `${options.documents} invoices per run, max load, ${options.reps} reps, ${options.replicas} replica(s) per service.`,
    '',
    '| invoices | docs/s (median) | range | outcomes (last rep) |',
    '|---|---|---|---|',
    row('Factur-X (structured, XML)', result.structured, outcomes.structured),
    row('same pages, text layer only', result.textLayer, outcomes.textLayer),
  ].join('\n');
  return { result, markdown };
}
