/**
 * Sums for the national readers, whose documents state some totals only per rate or per
 * instalment (FatturaPA DatiRiepilogo, SRI totalConImpuestos). Rounded to 8 decimals, the most
 * any of these syntaxes writes, so 0.1 + 0.2 reads 0.3.
 */
export function sumAmounts(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return roundAmount(present.reduce((a, b) => a + b, 0));
}

export function roundAmount(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}
