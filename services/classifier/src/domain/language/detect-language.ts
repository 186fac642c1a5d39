import { LANGUAGES, type Language } from './language';
import { VOCABULARIES } from './vocabulary';

/** How much of a text is read: the head says which language a document is in. */
const SAMPLE_CHARS = 8000;

function plain(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The words a vocabulary knows: its stopwords, and the words of its titles and labels. */
function wordsOf(language: Language): Set<string> {
  const vocabulary = VOCABULARIES[language];
  const phrases = [
    ...vocabulary.stopwords,
    ...Object.values(vocabulary.titles).flat(),
    ...Object.values(vocabulary.labels).flatMap((labels) => labels.map(([label]) => label)),
  ];
  return new Set(phrases.flatMap((phrase) => plain(phrase).match(/[a-z]{2,}/g) ?? []));
}

/**
 * Each word's share per language: a word only one vocabulary knows (`rechnung`, `factuur`) counts
 * 1 for it, a word `k` vocabularies share (`de`, `total`, `iva`) counts 1/k for each.
 */
function buildWeights(): Map<string, Map<Language, number>> {
  const owners = new Map<string, Language[]>();
  for (const language of LANGUAGES) {
    for (const word of wordsOf(language)) owners.set(word, [...(owners.get(word) ?? []), language]);
  }
  const weights = new Map<string, Map<Language, number>>();
  for (const [word, languages] of owners) {
    weights.set(word, new Map(languages.map((language) => [language, 1 / languages.length])));
  }
  return weights;
}

let weights: Map<string, Map<Language, number>> | undefined;

/**
 * The document's language, from the words its vocabulary knows (stopwords, titles, labels), read once over
 * the head of the text: one pass over its words and a map look-up each, so linear in the text.
 * With no evidence, or a tie, the earlier language in the vocabulary list wins (English first).
 */
export function detectLanguage(text: string): Language {
  weights ??= buildWeights();
  const scores = new Map<Language, number>();
  for (const m of plain(text.slice(0, SAMPLE_CHARS)).matchAll(
    /(?<![a-z0-9_])[a-z]+(?![a-z0-9_])/g,
  )) {
    const shares = weights.get(m[0]);
    if (!shares) continue;
    for (const [language, share] of shares)
      scores.set(language, (scores.get(language) ?? 0) + share);
  }
  let best: Language = LANGUAGES[0]!;
  for (const language of LANGUAGES) {
    if ((scores.get(language) ?? 0) > (scores.get(best) ?? 0)) best = language;
  }
  return best;
}
