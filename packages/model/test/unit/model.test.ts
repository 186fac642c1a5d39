import { classifyText } from '../../src/classify-text';
import { featurize } from '../../src/features';
import { fromModelFile } from '../../src/model-file';
import { trainBaseModel, trainTenantModel, type LabelledText } from '../../src/train-model';

const features = { bits: 12, charNgramMin: 3, charNgramMax: 4, maxChars: 2000 };
const examples: LabelledText[] = [];
for (let i = 0; i < 12; i += 1) {
  examples.push({
    docType: 'invoice',
    text: `INVOICE number ${i} bill to customer subtotal vat total due ${i * 7}.00`,
  });
  examples.push({
    docType: 'invoice',
    text: `FACTURA número ${i} cliente base imponible iva total factura ${i * 3},00`,
  });
  examples.push({
    docType: 'receipt',
    text: `TICKET cafe con leche ${i} total efectivo cambio gracias por su visita`,
  });
  examples.push({
    docType: 'receipt',
    text: `RECEIPT coffee croissant ${i} total cash change thank you come again`,
  });
  examples.push({
    docType: 'bank_statement',
    text: `account statement opening balance ${i} closing balance transfer direct debit`,
  });
  examples.push({
    docType: 'other',
    text: `minutes of meeting ${i} attendees agenda actions next meeting`,
  });
}

describe('the document-type model', () => {
  const model = trainBaseModel(
    examples,
    features,
    { epochs: 10, learningRate: 0.5, l2: 1e-6, seed: 3 },
    new Date('2024-05-01T00:00:00Z'),
  );

  test('when a text is featurised, then the vector is L2-normalised and hashed into the buckets', () => {
    const x = featurize('Invoice total 12.00', features);
    const norm = Math.sqrt(x.values.reduce((a, v) => a + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
    expect(Math.max(...x.indices)).toBeLessThan(1 << features.bits);
  });

  test('when trained, then it separates the classes and its probabilities sum to one', () => {
    const p = classifyText(model, 'FACTURA nº 99 cliente base imponible iva total factura');
    expect(p.docType).toBe('invoice');
    expect(p.candidates.reduce((a, c) => a + c.probability, 0)).toBeCloseTo(1, 2);
    expect(classifyText(model, 'RECEIPT coffee total cash thank you').docType).toBe('receipt');
  });

  test('when the text is made of unknown words, then the confidence collapses (out-of-distribution guard)', () => {
    expect(classifyText(model, 'qzx vvk plorf wibble zanzo krrt').confidence).toBeLessThan(0.3);
  });

  test('when serialised and loaded, then the version carries date and hash and predictions survive', () => {
    expect(model.version).toMatch(/^base-20240501-[0-9a-f]{12}$/);
    const loaded = fromModelFile(JSON.parse(JSON.stringify(model.file)));
    const text = 'account statement opening balance closing balance';
    expect(classifyText(loaded, text).docType).toBe(classifyText(model, text).docType);
  });

  test('when a stored model is malformed, then loading fails', () => {
    expect(() => fromModelFile({ ...model.file, weights: 'AAAA' })).toThrow();
    expect(() => fromModelFile({ ...model.file, format: 'other' })).toThrow();
  });

  test('when examples carry groups, then calibration holds whole groups out and is less sure than a random split', () => {
    // Arrange: each group has its own words for its two types; a word all groups share means
    // invoice in one group and receipt in the others, so a model that never saw a group misreads it
    const words: Record<string, [string, string, string, string]> = {
      north: ['alpha', 'qoxu', 'beta', 'zyrk'],
      south: ['beta', 'fema', 'alpha', 'lido'],
      east: ['beta', 'wapi', 'alpha', 'tesh'],
    };
    const grouped: LabelledText[] = Object.entries(words).flatMap(([group, [a, b, c, d]]) =>
      Array.from({ length: 12 }, () => [
        { docType: 'invoice' as const, text: `${a} ${b} ${b}`, group },
        { docType: 'receipt' as const, text: `${c} ${d} ${d}`, group },
      ]).flat(),
    );
    const options = { epochs: 10, learningRate: 0.5, l2: 1e-6, seed: 3 };

    // Act
    const byGroup = trainBaseModel(grouped, features, options);
    const random = trainBaseModel(
      grouped.map(({ docType, text }) => ({ docType, text })),
      features,
      options,
    );

    // Assert: out-of-group predictions are often wrong, so the fitted temperature flattens them
    expect(byGroup.linear.temperature).toBeGreaterThan(1);
    expect(random.linear.temperature).toBeLessThan(1);
    expect(classifyText(byGroup, 'alpha qoxu qoxu').docType).toBe('invoice');
    expect(classifyText(byGroup, 'alpha qoxu qoxu').confidence).toBeLessThan(
      classifyText(random, 'alpha qoxu qoxu').confidence,
    );
  });

  test('when a tenant model is trained on its corrections, then it learns them and records its base', () => {
    const text = 'ZORBLAT voucher zorblat ref zorblat';
    const before = classifyText(model, text);
    const tenantExamples: LabelledText[] = Array.from({ length: 6 }, () => ({
      docType: 'receipt',
      text,
    }));
    const tenant = trainTenantModel(model, tenantExamples, new Date('2024-05-02T00:00:00Z'));
    expect(tenant.file.baseVersion).toBe(model.version);
    expect(tenant.version).toMatch(/^tenant-/);
    const after = classifyText(tenant, text);
    expect(after.candidates.find((c) => c.docType === 'receipt')!.probability).toBeGreaterThan(
      before.candidates.find((c) => c.docType === 'receipt')!.probability,
    );
    expect(after.docType).toBe('receipt');
    // the base model is untouched (a tenant's examples never leak into it)
    expect(classifyText(model, text)).toEqual(before);
  });
});
