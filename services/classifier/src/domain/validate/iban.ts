/**
 * ibantools ships a CommonJS build for `require`, but its type declarations are marked ESM, which a
 * CommonJS project cannot import statically: require it with the two signatures used here.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronicFormatIBAN, isValidIBAN } = require('ibantools') as {
  electronicFormatIBAN(iban?: string): string | null;
  isValidIBAN(iban: string): boolean;
};

export interface IdCheck {
  valid: boolean;
  /** The id in its canonical electronic form (no spaces or dashes, upper case). */
  normalised: string;
}

/** IBAN: country length and ISO 13616 mod-97 checksum (ibantools). */
export function checkIban(raw: string): IdCheck {
  const normalised = electronicFormatIBAN(raw) ?? raw.replace(/[\s-]/g, '').toUpperCase();
  return { valid: isValidIBAN(normalised), normalised };
}
