import { en, type MessageKey } from './en';
import { es } from './es';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, es };
const STORAGE = 'docflow.console.language';

let current: Language = initialLanguage();

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE);
  if (saved === 'en' || saved === 'es') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  globalThis.localStorage?.setItem(STORAGE, next);
  document.documentElement.lang = next;
}

/** The text of `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return (CATALOGUES[current][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/**
 * A date and time in the browser's own format: the one its date inputs (the inbox filters) show,
 * so a day reads the same in the list and in the filter whatever the UI language.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(globalThis.navigator?.language, {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
