const STOPWORDS = {
  en: [
    'the',
    'and',
    'to',
    'of',
    'for',
    'by',
    'with',
    'date',
    'due',
    'total',
    'invoice',
    'payment',
    'bill',
  ],
  es: [
    'de',
    'la',
    'el',
    'y',
    'los',
    'las',
    'del',
    'por',
    'para',
    'con',
    'fecha',
    'factura',
    'pago',
    'total',
  ],
} as const;

/** "en" or "es" by common words, or undefined when the text says too little. */
export function guessLanguage(text: string): 'en' | 'es' | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const score = (lang: keyof typeof STOPWORDS) =>
    words.filter((w) => (STOPWORDS[lang] as readonly string[]).includes(w)).length;
  const en = score('en');
  const es = score('es');
  if (en + es < 3) return undefined;
  return en >= es ? 'en' : 'es';
}
