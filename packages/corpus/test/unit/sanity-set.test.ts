import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { docTypeSchema } from '@docflow/contracts';
import { corpusDir } from '../../src/cli/paths';

const sanityDir = join(corpusDir, 'sanity');
const texts = readdirSync(sanityDir).filter((f) => f.endsWith('.txt'));
const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const PARTIES = [
  'merchantName',
  'sellerName',
  'buyerName',
  'employerName',
  'employeeName',
  'partyA',
  'partyB',
  'bankName',
];

describe('the hand-written sanity set', () => {
  test('when it is read, then every text has its expected type and fields beside it', () => {
    // Assert
    expect(texts.length).toBeGreaterThanOrEqual(30);
    for (const file of texts) {
      const meta = JSON.parse(
        readFileSync(join(sanityDir, file.replace(/\.txt$/, '.json')), 'utf8'),
      );
      expect(docTypeSchema.safeParse(meta.docType).success).toBe(true);
      expect(['en', 'es']).toContain(meta.lang);
      expect(typeof meta.fields).toBe('object');
    }
  });

  test('when the training corpus is searched, then no sanity document or party in it is there', () => {
    // Arrange: the committed training split as one normalised string. Standard legal phrases
    // (`Uso CFDI: G03 Gastos en general`) may occur in both; a copied document shows as two
    // consecutive lines in common, a copied vendor as its name.
    const train = readFileSync(join(corpusDir, 'train.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => normalise((JSON.parse(line) as { text: string }).text))
      .join('\n');
    const pairs = texts.flatMap((file) => {
      const lines = readFileSync(join(sanityDir, file), 'utf8')
        .split('\n')
        .map(normalise)
        .filter((line) => line.length >= 12);
      return lines.slice(1).map((line, i) => ({ file, lines: `${lines[i]}\n${line}` }));
    });
    const names = texts.flatMap((file) => {
      const meta = JSON.parse(
        readFileSync(join(sanityDir, file.replace(/\.txt$/, '.json')), 'utf8'),
      );
      return PARTIES.flatMap((f) =>
        meta.fields[f] ? [{ file, name: normalise(meta.fields[f]) }] : [],
      );
    });

    // Assert
    expect(pairs.length).toBeGreaterThan(300);
    expect(names.length).toBeGreaterThan(40);
    expect(pairs.filter((p) => train.includes(p.lines))).toEqual([]);
    expect(names.filter((n) => train.includes(n.name))).toEqual([]);
  });
});
