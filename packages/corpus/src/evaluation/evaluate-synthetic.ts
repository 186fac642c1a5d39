import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedDoc } from '../generator/generated-doc';
import { loadCorpus } from '../cli/load-corpus';
import { valuesMatch } from './field-match';
import type { LabelledDoc } from './labelled-doc';
import { printScores } from './print-scores';
import { scoreDocuments } from './score-documents';
import type { ProcessResult } from '@docflow/classifier/domain/process-document';

/** Errors listed per set: the report is committed, so it stays readable. */
const MAX_ERRORS = 400;

/** Hand-written documents in styles the generator does not produce: `sanity/*.txt` + `.json`. */
function loadSanity(dir: string): GeneratedDoc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const meta = JSON.parse(
        readFileSync(join(dir, f.replace(/\.txt$/, '.json')), 'utf8'),
      ) as Omit<GeneratedDoc, 'text' | 'id'>;
      return {
        ...meta,
        id: f,
        layout: 'hand-written',
        noise: 'n/a',
        text: readFileSync(join(dir, f), 'utf8'),
      } as GeneratedDoc;
    });
}

/**
 * The generator's corpus: its held-out split (`test.jsonl`) and the hand-written sanity set, scored
 * with the tolerant matcher the corpus has always used (`valuesMatch`).
 */
export function evaluateSynthetic(
  corpus: string,
  sanityDir: string,
  run: (doc: LabelledDoc) => ProcessResult,
) {
  const heldOut = scoreDocuments(loadCorpus('test', corpus), run, valuesMatch, MAX_ERRORS);
  const sanity = scoreDocuments(loadSanity(sanityDir), run, valuesMatch, MAX_ERRORS);
  printScores('held-out split', heldOut);
  if (sanity.documents) printScores('hand-written sanity set', sanity);
  return { heldOut, sanity };
}
