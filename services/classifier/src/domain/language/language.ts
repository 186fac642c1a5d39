import { VOCABULARIES } from './vocabulary';

/** A language the classifier has a vocabulary for (ISO 639-1). */
export type Language = keyof typeof VOCABULARIES;

export const LANGUAGES = Object.keys(VOCABULARIES) as Language[];
