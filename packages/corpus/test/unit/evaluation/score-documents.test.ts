import type { ProcessResult } from '@docflow/classifier/domain/process-document';
import { valuesEqual } from '../../../src/evaluation/field-match';
import type { LabelledDoc } from '../../../src/evaluation/labelled-doc';
import { scoreDocuments } from '../../../src/evaluation/score-documents';

const receipt = (id: string, total: number): LabelledDoc => ({
  id,
  docType: 'receipt',
  lang: 'en',
  text: id,
  fields: { merchantName: 'MR. D.I.Y. (M) SDN BHD', total },
});

/** What the classifier would answer: a type, a confidence, an outcome and some field values. */
const answer = (
  docType: ProcessResult['docType'],
  outcome: ProcessResult['outcome'],
  values: Record<string, string | number>,
  confidence = 0.9,
): ProcessResult => ({
  outcome,
  docType,
  confidence,
  modelVersion: 'test',
  language: 'en',
  candidates: [],
  extraction: {
    fields: Object.fromEntries(
      Object.entries(values).map(([k, value]) => [k, { value, confidence: 0.9 }]),
    ),
    tables: {},
  },
  findings: [],
});

describe('scoring documents against their truth', () => {
  test('when results are right, wrong, missing or under a wrong type, then each counts as it should', () => {
    // Arrange
    const docs = [receipt('a', 9), receipt('b', 8.7), receipt('c', 12), receipt('d', 5)];
    const answers: Record<string, ProcessResult> = {
      a: answer('receipt', 'classified', { merchantName: 'MR D.I.Y. (M) SDN. BHD.', total: 9 }),
      b: answer('receipt', 'classified', { merchantName: 'Someone else', total: 3 }),
      c: answer('receipt', 'needs_review', { total: 12 }, 0.4),
      d: answer('invoice', 'classified', { total: 5 }),
    };

    // Act
    const scores = scoreDocuments(docs, (doc) => answers[doc.id]!, valuesEqual);

    // Assert
    expect(scores.docTypeAccuracy).toBe(0.75);
    expect(scores.fields['receipt.total']).toMatchObject({ tp: 2, fp: 1, fn: 2 });
    expect(scores.fields['receipt.merchantName']).toMatchObject({ tp: 1, fp: 1, fn: 3 });
    expect(scores.autoPublishRate).toBe(0.75);
    // published with a total in the truth: a (right), b (3 for 8.70), d (right total, wrong type)
    expect(scores.publishedWithWrongTotal).toEqual({ count: 1, of: 3, rate: 0.3333 });
    expect(scores.silentWrongTypes).toBe(1);
    expect(scores.errors).toContainEqual({
      id: 'd',
      field: 'total',
      expected: 5,
      actual: null,
      predictedType: 'invoice',
    });
  });

  test('when names are compared strictly, then only case, punctuation and spacing are forgiven', () => {
    expect(valuesEqual('MR. D.I.Y. (M) SDN BHD', 'mr d i y m sdn bhd')).toBe(true);
    expect(valuesEqual('MR. D.I.Y. (M) SDN BHD', 'MR. D.I.Y. (M) SDN BHO')).toBe(false);
    expect(valuesEqual(8.7, 8.7)).toBe(true);
    expect(valuesEqual(8.7, 8.71)).toBe(false);
    expect(valuesEqual('2018-12-25', '2018-12-25')).toBe(true);
  });
});
