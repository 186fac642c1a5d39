import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../generator/generate-corpus';
import { corpusDir } from './paths';

/** Writes corpus/train.jsonl and corpus/test.jsonl (disjoint seeds and name pools). */
function main(): void {
  mkdirSync(corpusDir, { recursive: true });
  const splits = [
    {
      file: 'train.jsonl',
      spec: { seed: 20240501, pool: 'train' as const, perTypeAndLanguage: 200 },
    },
    { file: 'test.jsonl', spec: { seed: 99173, pool: 'test' as const, perTypeAndLanguage: 50 } },
  ];
  for (const { file, spec } of splits) {
    const docs = generateCorpus(spec);
    writeFileSync(join(corpusDir, file), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    process.stdout.write(`${file}: ${docs.length} documents\n`);
  }
}

main();
