import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import type { DocumentSubset, LoadedDataset, TextSource } from './dataset';
import { valuesEqual } from './field-match';
import { mean, median, round } from './metrics';
import { createOcrReader } from './ocr-reader';
import { printScores } from './print-scores';
import { scoreDocuments } from './score-documents';
import { isSroie, loadSroie } from './sroie-dataset';
import { evaluateVendorMemory, printVendorMemory, type RunWithMemory } from './vendor-memory-eval';
import { rotateCorrections } from './vendor-memory-rotation';
import { hasPdfs, loadZugferd } from './zugferd-dataset';

export interface DatasetOptions {
  text: TextSource;
  /** Read every file again instead of the cached OCR texts. */
  fresh: boolean;
  /** Only some of the documents (`--only`, `--sample`). */
  subset?: DocumentSubset;
  cacheDir: string;
  progress: (line: string) => void;
  /** Also measure the per-vendor memory (`--vendor-memory`): one correction per vendor. */
  vendorMemory?: boolean;
}

/** The report's name for a folder: its base name, `-gold` when the set's own transcripts were read. */
export const reportName = (dir: string, text: TextSource, kind: LoadedDataset['kind']) =>
  `eval-${basename(dir)}${kind === 'sroie' && text === 'gold' ? '-gold' : ''}.json`;

/**
 * A folder of real labelled documents, its kind told by its shape (SROIE: `img/` and `key/`;
 * otherwise PDFs with embedded CII XML, the ZUGFeRD corpus), read, scored and printed.
 */
export async function evaluateDataset(dir: string, options: DatasetOptions, run: RunWithMemory) {
  const sroie = isSroie(dir);
  if (!sroie && !hasPdfs(dir))
    throw new Error(
      `${dir}: not a dataset eval knows (SROIE: img/ and key/; ZUGFeRD: PDFs with embedded CII XML; the generator's corpus: test.jsonl)`,
    );
  if (!sroie && options.text === 'gold')
    throw new Error('--text gold needs gold transcripts, which only SROIE (box/) has');
  const needsOcr = !sroie || options.text === 'ocr';
  const ocr = needsOcr
    ? createOcrReader({ cacheDir: join(options.cacheDir, 'ocr'), useCache: !options.fresh })
    : undefined;
  const load = {
    text: options.text,
    ...(options.subset ? { subset: options.subset } : {}),
    concurrency: availableParallelism(),
    progress: options.progress,
  };
  let loaded: LoadedDataset;
  try {
    loaded = sroie ? await loadSroie(dir, load, ocr) : await loadZugferd(dir, load, ocr!);
  } finally {
    await ocr?.close();
  }
  const scores = scoreDocuments(loaded.docs, (doc) => run(doc), valuesEqual);
  printScores(
    `${basename(dir)} (${loaded.kind}, text: ${sroie ? options.text : 'ocr stage'})`,
    scores,
  );
  const cer = loaded.cer && {
    documents: loaded.cer.length,
    median: round(median(loaded.cer.map((c) => c.cer))),
    mean: round(mean(loaded.cer.map((c) => c.cer))),
    caseFolded: {
      median: round(median(loaded.cer.map((c) => c.caseFolded))),
      mean: round(mean(loaded.cer.map((c) => c.caseFolded))),
    },
    perDocument: loaded.cer.map((c) => ({
      ...c,
      cer: round(c.cer),
      caseFolded: round(c.caseFolded),
    })),
  };
  if (cer)
    process.stdout.write(
      `\nOCR character error rate against the gold lines (${cer.documents} documents): median ${(cer.median * 100).toFixed(2)}%, mean ${(cer.mean * 100).toFixed(2)}%; case folded (the gold lines are in capitals): median ${(cer.caseFolded.median * 100).toFixed(2)}%, mean ${(cer.caseFolded.mean * 100).toFixed(2)}%\n`,
    );
  if (loaded.skipped.length > 0) {
    process.stdout.write(`\nskipped ${loaded.skipped.length}\n`);
    for (const s of loaded.skipped.slice(0, 20)) process.stdout.write(`${s.id}: ${s.reason}\n`);
  }
  const vendorMemory = options.vendorMemory
    ? { ...evaluateVendorMemory(loaded.docs, run), rotated: rotateCorrections(loaded.docs, run) }
    : undefined;
  if (vendorMemory) printVendorMemory(vendorMemory, (line) => process.stdout.write(line));
  return {
    kind: loaded.kind,
    ...(vendorMemory ? { vendorMemory } : {}),
    text: sroie ? options.text : ('ocr' as const),
    scores,
    ...(cer ? { cer } : {}),
    skipped: loaded.skipped,
  };
}
