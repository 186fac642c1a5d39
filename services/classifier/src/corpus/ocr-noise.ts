import type { Random } from './random';

export type NoiseLevel = 'clean' | 'light' | 'heavy';

const LETTER_CONFUSIONS: [RegExp, string][] = [
  [/rn/g, 'm'],
  [/m/g, 'rn'],
  [/l/g, '1'],
  [/i/g, 'l'],
  [/e/g, 'c'],
  [/o/g, '0'],
  [/a/g, 'o'],
  [/S/g, '5'],
  [/B/g, '8'],
  [/h/g, 'b'],
  [/u/g, 'v'],
  [/t/g, 'f'],
];

function corruptWord(r: Random, word: string): string {
  if (/\d/.test(word)) {
    // digits suffer less, and only the classic confusions
    return word
      .replace(/0/g, (d) => (r.chance(0.05) ? 'O' : d))
      .replace(/1/g, (d) => (r.chance(0.04) ? 'l' : d));
  }
  const [pattern, replacement] = r.pick(LETTER_CONFUSIONS);
  const matches = [...word.matchAll(new RegExp(pattern.source, 'g'))];
  if (matches.length === 0) return word;
  const m = r.pick(matches);
  return word.slice(0, m.index) + replacement + word.slice(m.index! + m[0].length);
}

/**
 * Simulates what OCR does to a page: letter confusions, lost accents, merged or split words,
 * collapsed column spacing (Tesseract prints single spaces), stray marks, dropped lines' indents.
 */
export function addOcrNoise(r: Random, text: string, level: NoiseLevel): string {
  if (level === 'clean') return text;
  const wordRate = level === 'light' ? 0.02 : 0.07;
  const collapse = r.chance(level === 'light' ? 0.35 : 0.7);
  const stripAccents = r.chance(level === 'light' ? 0.2 : 0.6);
  const lines = text.split('\n').map((line) => {
    let out = line
      .split(/( +)/)
      .map((part) => (part.trim() && r.chance(wordRate) ? corruptWord(r, part) : part))
      .join('');
    if (collapse)
      out = out
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/\t/g, ' ')
        .replace(/\|/g, r.chance(0.5) ? '|' : 'I');
    if (r.chance(wordRate / 2)) out = out.replace(/ (\S)/, '$1');
    if (r.chance(wordRate / 3)) out = `${r.pick(['.', ',', "'", '~', '_'])}${out}`;
    return level === 'heavy' ? out.trim() : out;
  });
  let result = lines.join('\n');
  if (stripAccents) result = result.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (level === 'heavy') result = result.replace(/\n{2,}/g, () => (r.chance(0.5) ? '\n' : '\n\n'));
  return result;
}
