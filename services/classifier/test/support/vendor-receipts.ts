/**
 * Till receipts of two made-up vendors, generated per test (no dataset): vendor V labels its total
 * `BERSIH` under a subtotal `JUMLAH` and a service charge, a layout the extractors misread; vendor
 * W prints an English till roll.
 */
export interface GeneratedReceipt {
  text: string;
  truth: { merchantName: string; date: string; total: number };
}

const money = (n: number) => n.toFixed(2).padStart(8);

export const VENDOR_V = 'KEDAI RUNCIT SENTOSA SDN BHD';
export const VENDOR_W = 'NORTHPOINT HARDWARE TRADING';

/** A receipt of vendor V: items, `JUMLAH`, a 10 % service charge, `BERSIH` (the total), cash, change. */
export function receiptOfV(n: number, day: string, items: [string, number][], paid: number) {
  const sum = items.reduce((s, [, a]) => s + a, 0);
  const total = Math.round(sum * 110) / 100;
  const [d, m, y] = day.split('/');
  const text = [
    VENDOR_V,
    '(GST REG 001234567890)',
    'NO 5 JALAN MAWAR, 43000 KAJANG',
    `RESIT ${String(n).padStart(5, '0')}    ${d}.${m}.${y} 10:4${n % 10}`,
    ...items.map(([what, amount]) => `${what.padEnd(24)}${money(amount)}`),
    `JUMLAH                  ${money(sum)}`,
    `CAJ PERKHIDMATAN 10%    ${money(total - sum)}`,
    `BERSIH                  ${money(total)}`,
    `TUNAI                   ${money(paid)}`,
    `BAKI                    ${money(paid - total)}`,
    'TERIMA KASIH',
  ].join('\n');
  return { text, truth: { merchantName: VENDOR_V, date: `${y}-${m}-${d}`, total } };
}

/** A receipt of vendor W: items, `TOTAL`, cash, change. */
export function receiptOfW(n: number, day: string, items: [string, number][], paid: number) {
  const total = Math.round(items.reduce((s, [, a]) => s + a, 0) * 100) / 100;
  const [d, m, y] = day.split('/');
  const text = [
    VENDOR_W,
    'LOT 9, JALAN BESAR, 45600 BATANG',
    `INVOICE NO: NP${n}    DATE: ${day}`,
    ...items.map(([what, amount]) => `${what.padEnd(24)}${money(amount)}`),
    `TOTAL                   ${money(total)}`,
    `CASH                    ${money(paid)}`,
    `CHANGE                  ${money(paid - total)}`,
    'THANK YOU',
  ].join('\n');
  return { text, truth: { merchantName: VENDOR_W, date: `${y}-${m}-${d}`, total } };
}
