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

const CREDITED = ['subtotal', 'taxAmount', 'total'];

/**
 * A credit note's amounts as positive magnitudes, the convention of CII and of the classifier
 * (the type says it credits): the generator prints some credit notes with negative amounts and
 * writes its truth as printed.
 */
function creditAsMagnitudes<T extends { docType: string; fields: Record<string, unknown> }>(
  doc: T,
): T {
  if (doc.docType !== 'credit_note') return doc;
  const fields = { ...doc.fields };
  for (const name of CREDITED) {
    const v = fields[name];
    if (typeof v === 'number') fields[name] = Math.abs(v);
  }
  return { ...doc, fields };
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
  const heldOut = scoreDocuments(
    loadCorpus('test', corpus).map(creditAsMagnitudes),
    run,
    valuesMatch,
    MAX_ERRORS,
  );
  const sanity = scoreDocuments(
    loadSanity(sanityDir).map(creditAsMagnitudes),
    run,
    valuesMatch,
    MAX_ERRORS,
  );
  printScores('held-out split', heldOut);
  if (sanity.documents) printScores('hand-written sanity set', sanity);
  return { heldOut, sanity };
}
