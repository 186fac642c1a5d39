import type { Random } from './random';

export type NoiseLevel = 'clean' | 'light' | 'heavy' | 'thermal';

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
  if (level === 'thermal') return thermalNoise(r, addOcrNoise(r, text, 'light'));
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

/** Per-document systematic confusions of faint thermal print and low-resolution photos. */
const SYSTEMATIC: [RegExp, string][] = [
  [/O/g, '0'],
  [/o/g, '0'],
  [/I/g, 'l'],
  [/i/g, 'l'],
  [/l/g, '1'],
  [/S/g, '5'],
  [/B/g, '8'],
  [/ñ/g, 'n'],
  [/rn/g, 'm'],
];

/**
 * What a phone photo of a till roll gives: one or two confusions applied through most of the page
 * (`T0TAL`, `EFECTlVO`), letters spaced out (`T O T A L`), dropped and doubled characters, short
 * lines merged, stray marks on their own line, lines cut at the right edge, columns collapsed.
 */
function thermalNoise(r: Random, text: string): string {
  const confusions = r.shuffle([...SYSTEMATIC]).slice(0, r.int(1, 3));
  const rate = r.money(0.25, 0.95);
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.replace(/[ \t]{2,}/g, () => (r.chance(0.8) ? ' ' : '  ')).trim();
    line = line.replace(/[A-Za-zÁÉÍÓÚÑáéíóúñ]+/g, (word) => {
      let w = word;
      for (const [pattern, replacement] of confusions)
        w = w.replace(new RegExp(pattern.source, 'g'), (m) => (r.chance(rate) ? replacement : m));
      if (w.length > 3 && r.chance(0.03)) {
        const i = r.int(1, w.length - 2);
        w = r.chance(0.5) ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i] + w.slice(i);
      }
      if (/^[A-Z]{4,6}$/.test(w) && r.chance(0.04)) w = w.split('').join(' ');
      return w;
    });
    if (line.length > 30 && r.chance(0.03)) line = line.slice(0, r.int(20, line.length - 3));
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.length + line.length < 30 && line && r.chance(0.08))
      out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
    if (r.chance(0.03)) out.push(r.pick(['~', "'", '.', ',', '|', '_', 'i', '=', '—']));
  }
  let result = out.join('\n');
  if (r.chance(0.7)) result = result.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return result.replace(/\n{3,}/g, '\n\n');
}
