import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { characterErrorRate } from '@docflow/ocr/extract';
import type { LabelledDoc } from './labelled-doc';
import { pickSubset, type LoadedDataset, type LoadOptions } from './dataset';
import { layoutText, parseBoxCsv } from './gold-layout';
import type { OcrReader } from './ocr-reader';
import { runPool } from './run-pool';
import { readSroieKey } from './sroie-truth';

/** A SROIE-shaped folder: `img/NNN.jpg`, `key/NNN.json` and (for gold text and CER) `box/NNN.csv`. */
export const isSroie = (dir: string): boolean =>
  existsSync(join(dir, 'img')) && existsSync(join(dir, 'key'));

/**
 * Every receipt with a key: truth from the key, text from the gold boxes laid out (`gold`) or from
 * the OCR stage reading the image (`ocr`, with the character error rate against the gold lines
 * where a box file exists).
 */
export async function loadSroie(
  dir: string,
  options: LoadOptions,
  ocr?: OcrReader,
): Promise<LoadedDataset> {
  const skipped: LoadedDataset['skipped'] = [];
  const images = pickSubset(
    readdirSync(join(dir, 'img'))
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort(),
    (f) => f.replace(/\.[^.]+$/, ''),
    options.subset,
  );
  const cer: NonNullable<LoadedDataset['cer']> = [];
  let fresh = 0;
  const docs = await runPool(
    images,
    options.concurrency,
    async (image): Promise<LabelledDoc | undefined> => {
      const id = image.replace(/\.[^.]+$/, '');
      const keyPath = join(dir, 'key', `${id}.json`);
      const boxPath = join(dir, 'box', `${id}.csv`);
      if (!existsSync(keyPath)) {
        skipped.push({ id, reason: 'no key file' });
        return undefined;
      }
      const truth = readSroieKey(readFileSync(keyPath, 'utf8'), keyPath);
      const gold = existsSync(boxPath)
        ? layoutText(parseBoxCsv(readFileSync(boxPath, 'utf8')))
        : undefined;
      let text: string;
      if (options.text === 'gold') {
        if (gold === undefined) {
          skipped.push({ id, reason: 'no box file (gold text)' });
          return undefined;
        }
        text = gold;
      } else {
        try {
          const bytes = readFileSync(join(dir, 'img', image));
          const read = await ocr!.read(/\.png$/i.test(image) ? 'png' : 'jpeg', bytes);
          if (!read.cached) fresh += 1;
          text = read.text;
        } catch (err) {
          skipped.push({ id, reason: `OCR failed: ${(err as Error).message.slice(0, 200)}` });
          return undefined;
        }
        if (gold !== undefined)
          cer.push({
            id,
            cer: characterErrorRate(gold, text),
            caseFolded: characterErrorRate(gold.toUpperCase(), text.toUpperCase()),
          });
      }
      return { id, lang: 'en', text, ...truth };
    },
    (done, total) => {
      if (options.text === 'ocr' && (done % 10 === 0 || done === total))
        options.progress(`sroie ${options.text}: ${done}/${total} (${fresh} OCR'd, rest cached)`);
    },
  );
  return {
    kind: 'sroie',
    docs: docs.filter((d): d is LabelledDoc => d !== undefined),
    skipped: skipped.sort((a, b) => a.id.localeCompare(b.id)),
    ...(options.text === 'ocr' ? { cer: cer.sort((a, b) => a.id.localeCompare(b.id)) } : {}),
  };
}
