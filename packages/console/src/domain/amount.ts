/**
 * A number as people write it on receipts: `1,234.56`, `1.234,56`, `€ 12,50`, `(3.00)`. The last
 * of `.` or `,` followed by one or two digits is the decimal mark; other marks group thousands.
 * Null when the text holds no number.
 */
export function parseAmount(text: string): number | null {
  const negative = /^\s*[-(]|-\s*$|\)\s*$/.test(text);
  const digits = text.replace(/[^\d.,]/g, '');
  if (!/\d/.test(digits)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  const whole = (decimal ? digits.slice(0, decimal.index) : digits).replace(/[.,]/g, '');
  const value = Number(`${whole || '0'}${decimal ? `.${decimal[1]}` : ''}`);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
