import { availableParallelism } from 'node:os';
import type { Servers } from './sandbox';
import { makePages, ocrStage, tesseractCli } from './ocr-scenario';
import { fmt, pct, summarise, type RateSummary } from './stats';

export interface OcrResult {
  parameters: { pagesPerRun: number; reps: number; workers: number };
  results: { stage: RateSummary; cli: RateSummary };
  ratio: number;
}

/**
 * The OCR stage against its ceiling: (o1) pages/s through the stage (broker, blob, preprocessing,
 * native Tesseract pool, text store) vs (o2) the tesseract CLI on the same page images with the
 * same parallelism and flags, interleaved in the same run. Target (o1)/(o2) ≥ 90 %.
 */
export async function ocrBench(
  servers: Servers,
  pagesPerRun: number,
  reps: number,
): Promise<{ result: OcrResult; markdown: string }> {
  const workers = availableParallelism();
  const pages = await makePages(pagesPerRun);
  process.stdout.write(
    `\nOCR bench: ${pagesPerRun} pages per run, ${reps} runs, ${workers} workers (native tesseract, eng+spa)\n`,
  );
  await tesseractCli(pages.slice(0, workers), workers); // warm-up (page cache, models)
  const stage: number[] = [];
  const cli: number[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    stage.push(await ocrStage(servers, pages, workers));
    cli.push(await tesseractCli(pages, workers));
    process.stdout.write(
      `  run ${rep}: (o1) ${stage.at(-1)!.toFixed(2)} pages/s  (o2) ${cli.at(-1)!.toFixed(2)} pages/s\n`,
    );
  }
  const o1 = summarise(stage);
  const o2 = summarise(cli);
  const table = [
    '| scenario | pages/s median | min | max |',
    '|---|---|---|---|',
    `| (o1) OCR stage: document.scanned → text_extracted, PNG pages | ${fmt(o1.median)} | ${fmt(o1.min)} | ${fmt(o1.max)} |`,
    `| (o2) tesseract CLI directly, same images and parallelism | ${fmt(o2.median)} | ${fmt(o2.min)} | ${fmt(o2.max)} |`,
    '',
    `(o1)/(o2) = ${pct(o1.median / o2.median)} (target ≥ 90 %)`,
  ].join('\n');
  return {
    result: {
      parameters: { pagesPerRun, reps, workers },
      results: { stage: o1, cli: o2 },
      ratio: o1.median / o2.median,
    },
    markdown: table,
  };
}
