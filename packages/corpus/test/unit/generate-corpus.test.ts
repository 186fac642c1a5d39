import { generateCorpus } from '../../src/generator/generate-corpus';
import type { GeneratedDoc } from '../../src/generator/generated-doc';

const NAME_FIELDS = [
  'sellerName',
  'buyerName',
  'merchantName',
  'employerName',
  'employeeName',
  'partyA',
  'partyB',
];

describe('the corpus generator', () => {
  const train = generateCorpus({ seed: 11, pool: 'train', perTypeAndLanguage: 60 });
  const heldOut = generateCorpus({ seed: 12, pool: 'test', perTypeAndLanguage: 30 });
  const of = (docs: GeneratedDoc[], type: string, country?: string) =>
    docs.filter((d) => d.docType === type && (!country || d.country === country));

  test('when generated twice with one seed, then the corpus is identical', () => {
    // Act
    const again = generateCorpus({ seed: 11, pool: 'train', perTypeAndLanguage: 60 });

    // Assert
    expect(again.map((d) => d.text)).toEqual(train.map((d) => d.text));
  });

  test('when the held-out pool is generated, then none of its names occurs in a training text', () => {
    // Arrange
    const trainText = train.map((d) => d.text.toLowerCase()).join('\n');
    const names = new Set(
      heldOut.flatMap((d) =>
        NAME_FIELDS.flatMap((f) => (typeof d.fields[f] === 'string' ? [d.fields[f]] : [])),
      ),
    );

    // Assert
    expect(names.size).toBeGreaterThan(100);
    const leaked = [...names].filter((n) => trainText.includes(String(n).toLowerCase()));
    expect(leaked).toEqual([]);
  });

  test("when receipts are generated, then each country's consumer receipt form is among them", () => {
    // Arrange
    const texts = (country: string) =>
      of([...train, ...heldOut], 'receipt', country)
        .map((d) => d.text)
        .join('\n');

    // Assert
    expect(texts('PE')).toMatch(/BOLETA/);
    expect(texts('PE')).toMatch(/OP\. GRAVADA|OPERACION GRAVADA|Op\. Gravada/);
    expect(texts('CL')).toMatch(/BOLETA/);
    expect(texts('AR')).toMatch(/TIQUE/);
    expect(texts('MX')).toMatch(/TICKET|NOTA DE VENTA/);
    expect(texts('ES')).toMatch(/SIMPLIFICADA/);
    const kinds = new Set(of(train, 'receipt').map((d) => d.layout.split('-')[1]));
    expect([...kinds].sort()).toEqual([
      'cafe',
      'fuel',
      'pharmacy',
      'restaurant',
      'shop',
      'supermarket',
    ]);
  });

  test('when expense spreadsheets are generated, then they are labelled other, never a financial type', () => {
    // Act
    const sheets = train.filter((d) => /^(Fecha|Date)\t/m.test(d.text) && /\t/.test(d.text));

    // Assert
    const expenseSheets = sheets.filter((d) => /gastos|expense/i.test(d.text));
    expect(expenseSheets.length).toBeGreaterThan(5);
    expect(new Set(expenseSheets.map((d) => d.docType))).toEqual(new Set(['other']));
  });

  test('when invoices are generated, then subtotal plus tax lines equals the total', () => {
    for (const doc of [...of(train, 'invoice'), ...of(train, 'credit_note')]) {
      const taxes = (doc.tables?.taxLines ?? []).reduce((a, t) => a + Number(t.amount), 0);
      expect(Number(doc.fields.subtotal) + taxes).toBeCloseTo(Number(doc.fields.total), 1);
    }
  });

  test('when statements are generated, then the opening balance plus the movements is the closing one', () => {
    for (const doc of of(train, 'bank_statement')) {
      const rows = doc.tables?.transactions ?? [];
      const last = rows[rows.length - 1]!;
      const first = rows[0]!;
      const opening = Number(first.balance) - Number(first.amount);
      const moved = rows.reduce((a, t) => a + Number(t.amount), 0);
      expect(opening + moved).toBeCloseTo(Number(last.balance), 1);
      if (doc.fields.closingBalance !== undefined)
        expect(Number(doc.fields.closingBalance)).toBeCloseTo(Number(last.balance), 1);
    }
  });
});
