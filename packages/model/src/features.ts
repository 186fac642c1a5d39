/**
 * Text → sparse feature vector: word unigrams and bigrams plus character 3–5-grams of words, hashed
 * (FNV-1a, signed) into a fixed number of buckets, sublinear term frequency, L2-normalised. Digits
 * become `0` and accents are stripped, so numbers, dates and OCR accent loss generalise.
 */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  charNgramMin: number;
  charNgramMax: number;
  /** Only the first characters of a document are read (headers and first page carry the type). */
  maxChars: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  bits: 16,
  charNgramMin: 3,
  charNgramMax: 5,
  maxChars: 6000,
};

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function canonicalText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\d/g, '0');
}

export function tokenize(text: string): string[] {
  return canonicalText(text).match(/[a-z0]+/g) ?? [];
}

export function featurize(text: string, config: FeatureConfig = DEFAULT_FEATURES): SparseVector {
  const tokens = tokenize(text.slice(0, config.maxChars));
  const mask = (1 << config.bits) - 1;
  const counts = new Map<number, number>();
  const add = (feature: string): void => {
    const h = fnv1a(feature);
    const index = h & mask;
    const sign = h >>> 31 ? -1 : 1;
    counts.set(index, (counts.get(index) ?? 0) + sign);
  };
  let previous = '';
  for (const token of tokens) {
    const word = token.replace(/0+/g, '0');
    add(`w:${word}`);
    if (previous) add(`b:${previous} ${word}`);
    previous = word;
    if (word === '0' || word.length < 2) continue;
    const padded = `<${word}>`;
    for (let n = config.charNgramMin; n <= config.charNgramMax; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) add(`c:${padded.slice(i, i + n)}`);
    }
  }
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [index, count] of counts) {
    if (count === 0) continue;
    const value = Math.sign(count) * (1 + Math.log(Math.abs(count)));
    indices.push(index);
    values.push(value);
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return {
    indices: Int32Array.from(indices),
    values: Float32Array.from(values, (v) => v * scale),
  };
}

/** Hash buckets of a text's words (the vocabulary guard's unit). */
export function wordBuckets(text: string, config: FeatureConfig = DEFAULT_FEATURES): number[] {
  const mask = (1 << config.bits) - 1;
  return tokenize(text.slice(0, config.maxChars))
    .filter((t) => /[a-z]{2}/.test(t))
    .map((t) => fnv1a(`w:${t.replace(/0+/g, '0')}`) & mask);
}

/** The bitset of word buckets that occur in at least two training texts. */
export function buildVocabulary(
  texts: string[],
  config: FeatureConfig = DEFAULT_FEATURES,
): Uint8Array {
  const seen = new Map<number, number>();
  for (const text of texts)
    for (const b of new Set(wordBuckets(text, config))) seen.set(b, (seen.get(b) ?? 0) + 1);
  const bits = new Uint8Array((1 << config.bits) / 8);
  for (const [b, n] of seen) if (n >= 2) bits[b >> 3]! |= 1 << (b & 7);
  return bits;
}
