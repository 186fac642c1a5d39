import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TOTAL_FEATURES } from '@docflow/classifier/domain/receipt';
import { createOcrReader } from '../evaluation/ocr-reader';
import { loadSroie } from '../evaluation/sroie-dataset';
import { crossValidate, type HeldOutChoice } from '../receipts/cross-validate';
import { fitTotalScorer } from '../receipts/fit-total-scorer';
import { merchantGroup, toScorerExample, type BuiltExample } from '../receipts/scorer-examples';
import { loadCorpus } from './load-corpus';
import { reportsDir } from './paths';

const WEIGHTS_FILE = resolve(
  __dirname,
  '../../../../services/classifier/src/domain/receipt/total-weights.ts',
);

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');

function printCurve(
  choices: HeldOutChoice[],
  set: string,
  examples: readonly { set: string; example: BuiltExample }[],
): void {
  const mine = choices.filter((c) => c.set === set);
  const printed = examples.filter((e) => e.set === set && e.example.correct.some(Boolean)).length;
  process.stdout.write(
    `\n${set}: the true total is printed (read) in ${printed} of ${mine.length}`,
  );
  const right = mine.filter((c) => c.right).length;
  process.stdout.write(
    `; top-1 total right ${right}/${mine.length} (${pct(right, mine.length)})\n`,
  );
  process.stdout.write('threshold  accepted  wrong among accepted\n');
  for (const t of [0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]) {
    const accepted = mine.filter((c) => c.probability >= t);
    const wrong = accepted.filter((c) => !c.right).length;
    process.stdout.write(
      `${t.toFixed(2).padStart(9)}  ${pct(accepted.length, mine.length).padStart(8)}  ${wrong}/${accepted.length} (${pct(wrong, accepted.length)})\n`,
    );
  }
}

/**
 * `npm run train:receipt-total -- --dataset <sroie folder>`: fits the receipt total scorer on the
 * generator's training receipts and a SROIE-shaped folder (gold transcripts and our OCR's text,
 * from the eval's cache), prints 5-fold cross-validation grouped by merchant (held-out top-1 and
 * the threshold curve), and writes the weights fitted on everything to the classifier's
 * `total-weights.ts`. `--dry` prints without writing.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dataset: { type: 'string' }, dry: { type: 'boolean', default: false } },
  });
  const synthetic: BuiltExample[] = loadCorpus('train')
    .filter((d) => d.docType === 'receipt' && typeof d.fields.total === 'number')
    .map((d) =>
      toScorerExample({ group: d.id, text: d.text, total: d.fields.total as number, weight: 0.5 }),
    );
  const grouped: { group: string; set: string; example: BuiltExample }[] = [];
  if (values.dataset) {
    const dir = resolve(values.dataset);
    const options = { concurrency: 2, progress: (l: string) => process.stderr.write(`${l}\n`) };
    const ocr = createOcrReader({ cacheDir: join(reportsDir, '.cache', 'ocr'), useCache: true });
    try {
      for (const text of ['gold', 'ocr'] as const) {
        const loaded = await loadSroie(dir, { ...options, text }, ocr);
        for (const d of loaded.docs) {
          if (typeof d.fields.total !== 'number') continue;
          const group = merchantGroup(String(d.fields.merchantName ?? d.id));
          const example = toScorerExample({
            group,
            text: d.text,
            total: d.fields.total,
            weight: 1,
          });
          grouped.push({ group, set: `sroie-${text}`, example });
        }
      }
    } finally {
      await ocr.close();
    }
  }
  const dims = TOTAL_FEATURES.length;
  process.stdout.write(
    `${synthetic.length} generated receipts, ${grouped.length} real texts from ${new Set(grouped.map((g) => g.group)).size} merchants\n`,
  );
  if (grouped.length > 0) {
    const choices = crossValidate(grouped, synthetic, 5, dims);
    for (const set of ['sroie-gold', 'sroie-ocr']) printCurve(choices, set, grouped);
  }
  const weights = fitTotalScorer([...grouped.map((g) => g.example), ...synthetic], dims);
  const table = TOTAL_FEATURES.map((name, i) => `  ${weights[i]}, // ${name}`).join('\n');
  const source = `/**
 * The receipt total scorer's weights, one per feature of \`TOTAL_FEATURES\` (same order), written by
 * \`npm run train:receipt-total\` (generated receipts${values.dataset ? ' and SROIE, gold and OCR text' : ''}).
 * Do not edit by hand: retrain.
 */
export const TOTAL_WEIGHTS: readonly number[] = [
${table}
];
`;
  if (values.dry) process.stdout.write(`\n${source}`);
  else {
    writeFileSync(WEIGHTS_FILE, source);
    process.stdout.write(`\nwrote ${WEIGHTS_FILE}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `train:receipt-total: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
});
