import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedDoc } from '../generator/generated-doc';
import { corpusDir } from './paths';

export function loadCorpus(split: 'train' | 'test', dir = corpusDir): GeneratedDoc[] {
  return readFileSync(join(dir, `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GeneratedDoc);
}
