import { readFileSync } from 'node:fs';
import { processDocument } from '@docflow/classifier/domain/process-document';
import { BASE_MODEL_PATH, fromModelFile } from '@docflow/model';
import type { LabelledDoc } from '../../../src/evaluation/labelled-doc';
import {
  evaluateVendorMemory,
  type RunWithMemory,
} from '../../../src/evaluation/vendor-memory-eval';
import { rotateCorrections } from '../../../src/evaluation/vendor-memory-rotation';

const classifier = fromModelFile(JSON.parse(readFileSync(BASE_MODEL_PATH, 'utf8')));
const options = { confidenceThreshold: 0.6, futureToleranceDays: 3, today: '2026-12-01' };
const run: RunWithMemory = (doc, vendorMemory) =>
  processDocument(classifier, doc.text, vendorMemory ? { ...options, vendorMemory } : options);

const money = (n: number) => n.toFixed(2).padStart(8);

/** A receipt whose total (`BERSIH`, after a 10 % service charge) the extractors misread. */
function receipt(id: string, name: string, day: string, sum: number): LabelledDoc {
  const total = Math.round(sum * 110) / 100;
  const [d, m, y] = day.split('/');
  const text = [
    name,
    `(GST REG ${id.padStart(12, '0')})`,
    'NO 5 JALAN MAWAR, 43000 KAJANG',
    `RESIT ${id}    ${d}.${m}.${y} 10:42`,
    `BARANG                  ${money(sum)}`,
    `JUMLAH                  ${money(sum)}`,
    `CAJ PERKHIDMATAN 10%    ${money(total - sum)}`,
    `BERSIH                  ${money(total)}`,
    `TUNAI                   ${money(100)}`,
    `BAKI                    ${money(100 - total)}`,
    'TERIMA KASIH',
  ].join('\n');
  return {
    id,
    lang: 'en',
    docType: 'receipt',
    text,
    fields: { merchantName: name, date: `${y}-${m}-${d}`, total },
  };
}

describe('vendor memory eval', () => {
  const docs = [
    receipt('001', 'KEDAI RUNCIT SENTOSA SDN BHD', '03/02/2019', 24.4),
    receipt('002', 'KEDAI RUNCIT SENTOSA SDN BHD', '17/03/2019', 25),
    receipt('003', 'KEDAI RUNCIT SENTOSA SDN BHD', '21/03/2019', 12.6),
    receipt('004', 'BENGKEL MAJU JAYA ENTERPRISE', '01/04/2019', 40),
    receipt('005', 'BENGKEL MAJU JAYA ENTERPRISE', '02/04/2019', 18.2),
    receipt('006', 'ONE OFF TRADING', '02/04/2019', 9),
  ];

  test("when each vendor's first document is corrected, then its other documents are scored without and with memory", () => {
    // Act
    const scores = evaluateVendorMemory(docs, run);

    // Assert: the single-document vendor is left out; the totals were wrong before
    expect(scores).toMatchObject({ vendors: 2, corrected: 2, documents: 3, foundOwnLesson: 3 });
    expect(scores.foundOtherVendorsLesson).toBe(0);
    expect(scores.fieldAccuracyBefore).toBeLessThan(1);
    expect(scores.fieldAccuracyAfter).toBe(1);
  });

  test('when every document is corrected in turn, then each ordered pair of a vendor is read', () => {
    // Act
    const rotated = rotateCorrections(docs, run);

    // Assert: 3 × 2 + 2 × 1 pairs
    expect(rotated.pairs).toBe(8);
    expect(rotated.fieldAccuracyAfter).toBe(1);
    expect(rotated.fieldAccuracyBefore).toBeLessThan(1);
  });
});
