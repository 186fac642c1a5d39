import { readFileSync } from 'node:fs';
import { BASE_MODEL_PATH, fromModelFile } from '@docflow/model';
import { chooseLayout, learnLayout, type VendorLayout } from '@docflow/vendor-memory';
import { processDocument, type ProcessResult } from '../../../../src/domain/process-document';
import { receiptOfV, receiptOfW, VENDOR_V } from '../../../support/vendor-receipts';

const classifier = fromModelFile(JSON.parse(readFileSync(BASE_MODEL_PATH, 'utf8')));
const options = { confidenceThreshold: 0.6, futureToleranceDays: 3, today: '2026-12-01' };
const values = (r: ProcessResult) =>
  Object.fromEntries(Object.entries(r.extraction.fields).map(([k, f]) => [k, f.value]));

/** What a reviewer sends for a document: its extraction with the corrected values put in. */
function correct(text: string, truth: Record<string, string | number>): VendorLayout {
  const read = processDocument(classifier, text, options);
  const layout = learnLayout(read.docType, text, { ...values(read), ...truth });
  if (!layout) throw new Error('nothing learned');
  return layout;
}

/** The document read as the service reads it: look-up by its keys, then again with the lessons. */
function readWithMemory(text: string, lessons: { layout: VendorLayout }[]) {
  const first = processDocument(classifier, text, options);
  const recalled = lessons.filter((l) =>
    l.layout.vendorKeys.some((k) => first.vendorKeys.includes(k)),
  );
  return recalled.length > 0
    ? processDocument(classifier, text, {
        ...options,
        vendorMemory: recalled.map((l) => ({ layout: l.layout, learnedFrom: 'tenant:doc-a:v3' })),
      })
    : first;
}

describe('vendor layout memory in the classifier', () => {
  const a = receiptOfV(
    12,
    '03/02/2019',
    [
      ['BERAS 5KG', 21.5],
      ['GULA 1KG', 2.9],
    ],
    50,
  );
  const b = receiptOfV(
    57,
    '17/03/2019',
    [
      ['MINYAK 2L', 12.4],
      ['TEH 100S', 8.6],
      ['SUSU', 4],
    ],
    100,
  );
  const w = receiptOfW(
    8,
    '21/03/2019',
    [
      ['HAMMER', 18.9],
      ['NAILS 1KG', 6.5],
    ],
    50,
  );

  test('when a reviewer corrected receipt A of vendor V, then receipt B of V is read right from memory', () => {
    // Arrange
    const without = processDocument(classifier, b.text, options);
    const lesson = { layout: correct(a.text, a.truth) };

    // Act
    const read = readWithMemory(b.text, [lesson]);

    // Assert
    expect(without.extraction.fields.total?.value).not.toBe(b.truth.total);
    expect(values(read)).toMatchObject(b.truth);
    expect(read.vendorMemory).toBe('tenant:doc-a:v3');
    expect(read.extraction.fields.total).toMatchObject({ raw: '27.50' });
    expect(read.extraction.fields.total!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(read.findings).toContainEqual(
      expect.objectContaining({ code: 'field.vendor_memory', severity: 'info', field: 'total' }),
    );
  });

  test("when vendor V's layout is remembered, then vendor W's receipt is read as without memory", () => {
    // Arrange
    const lesson = { layout: correct(a.text, a.truth) };
    const without = processDocument(classifier, w.text, options);

    // Act
    const read = readWithMemory(w.text, [lesson]);

    // Assert
    expect(chooseLayout([lesson], without.vendorKeys, without.docType, w.text)).toBeUndefined();
    expect(read.extraction).toEqual(without.extraction);
    expect(read.findings.some((f) => f.code === 'field.vendor_memory')).toBe(false);
    expect(values(read)).toMatchObject(w.truth);
  });

  test('when the lesson was learned on another document type, then it is not applied', () => {
    // Arrange
    const lesson = { layout: { ...correct(a.text, a.truth), docType: 'invoice' } };

    // Act
    const read = readWithMemory(b.text, [lesson]);

    // Assert
    expect(read.vendorMemory).toBeUndefined();
  });

  test('when OCR misread letters of the name, then the registration number still finds the lesson', () => {
    // Arrange: the next receipt's name line is damaged (OCR), its GST number is not
    const lesson = { layout: correct(a.text, a.truth) };
    const damaged = b.text.replace(VENDOR_V, 'KFDAI RUNCIT SENT0SA SDN BHD');

    // Act
    const read = readWithMemory(damaged, [lesson]);

    // Assert
    expect(values(read)).toMatchObject(b.truth);
  });
});
