/** A small text document as a client uploads it. */
export interface TextDocument {
  filename: string;
  body: Buffer;
}

const SUPPLIERS = [
  'Northwind Supplies Ltd, 14 Harbour Road, Bristol BS1 5TY',
  'Contoso Office Products, 221 Market Street, Leeds LS1 6AB',
  'Fabrikam Industrial Ltd, 9 Mill Lane, Sheffield S1 2HE',
];
const ITEMS = [
  ['Office chairs, ergonomic', 189],
  ['Desk lamps, LED', 34.5],
  ['Printer paper A4 (box)', 21.9],
  ['Whiteboard markers (pack)', 7.25],
  ['Monitor arms, dual', 96],
] as const;

const money = (n: number): string => n.toFixed(2);

/**
 * `count` different invoices as plain text of about 1 KB each (the size of the Celery anchor's
 * documents): unique numbers and amounts, so the scanner's duplicate check never fires, and a
 * layout the classifier recognises as an invoice.
 */
export function textInvoices(count: number, seed = 1): TextDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const n = seed * 100_000 + i;
    const supplier = SUPPLIERS[i % SUPPLIERS.length]!;
    const lines = ITEMS.slice(0, 3 + (i % 3)).map(([name, price], j) => {
      const qty = 1 + ((i + j) % 7);
      return { name, qty, price, amount: qty * price };
    });
    const net = lines.reduce((sum, l) => sum + l.amount, 0);
    const vat = Math.round(net * 20) / 100;
    const day = 1 + (i % 27);
    const text = [
      'INVOICE',
      '',
      `From: ${supplier}`,
      '',
      `Invoice No: INV-${n}`,
      `Invoice Date: 2026-03-${String(day).padStart(2, '0')}`,
      `Due Date: 2026-04-${String(day).padStart(2, '0')}`,
      '',
      'Bill To: Acme Trading Ltd  42 Queen Street  London EC4N 1SA',
      '',
      'Description                      Qty    Unit price     Amount',
      ...lines.map(
        (l) =>
          `${l.name.padEnd(32)} ${String(l.qty).padStart(3)} ${money(l.price).padStart(13)} ${money(l.amount).padStart(10)}`,
      ),
      '',
      `Subtotal: GBP ${money(net)}`,
      `VAT 20%: GBP ${money(vat)}`,
      `Total due: GBP ${money(net + vat)}`,
      '',
      `Delivery: goods delivered to the warehouse at Unit ${1 + (i % 40)}, Riverside Park, on the invoice date.`,
      `Shipping: standard courier, ${1 + (i % 4)} parcel(s), tracked.`,
      `Order reference: PO-${70_000 + i}   Contact: accounts@northwind.example, +44 117 496 0${String(i % 1000).padStart(3, '0')}`,
      'Payment terms: 30 days by bank transfer. Late payments may incur interest at 4 % over base rate.',
      'IBAN GB29 NWBK 6016 1331 9268 19   Reference: the invoice number.',
      'Thank you for your business.',
    ].join('\n');
    return { filename: `invoice-${n}.txt`, body: Buffer.from(`${text}\n`, 'utf8') };
  });
}
