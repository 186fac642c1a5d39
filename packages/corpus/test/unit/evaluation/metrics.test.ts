import {
  expectedCalibrationError,
  mean,
  median,
  precisionRecall,
} from '../../../src/evaluation/metrics';

describe('evaluation metrics', () => {
  test('when counts are given, then precision, recall and F1 follow from them', () => {
    // 6 right, 2 wrong values (each a false positive and a miss), 2 more missed
    const scores = precisionRecall({ tp: 6, fp: 2, fn: 4 });
    expect(scores.precision).toBe(0.75);
    expect(scores.recall).toBe(0.6);
    expect(scores.f1).toBeCloseTo((2 * 0.75 * 0.6) / (0.75 + 0.6), 4);
  });

  test('when nothing was found, then F1 is 0; when nothing was expected either, it is 1', () => {
    expect(precisionRecall({ tp: 0, fp: 0, fn: 5 }).f1).toBe(0);
    expect(precisionRecall({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
  });

  test('when confidence matches accuracy in every bin, then ECE is 0', () => {
    const points = [
      ...Array.from({ length: 4 }, (_, i) => ({ confidence: 0.75, correct: i < 3 })),
      ...Array.from({ length: 2 }, (_, i) => ({ confidence: 0.55, correct: i < 1 })),
    ];
    expect(expectedCalibrationError(points)).toBeCloseTo(0.05 * (2 / 6), 4);
  });

  test('when predictions are confident and wrong, then ECE weighs each bin by its share', () => {
    // bin 0.9–1.0: 2 at 1.0 (counted in the last bin), both wrong; bin 0.5–0.6: 2 at 0.5, both right
    const points = [
      { confidence: 1, correct: false },
      { confidence: 1, correct: false },
      { confidence: 0.5, correct: true },
      { confidence: 0.5, correct: true },
    ];
    expect(expectedCalibrationError(points)).toBeCloseTo(0.5 * 1 + 0.5 * 0.5, 4);
    expect(expectedCalibrationError([])).toBe(0);
  });

  test('when values are summarised, then median and mean are the usual ones', () => {
    expect(median([0.3, 0.1, 0.2])).toBe(0.2);
    expect(median([0.4, 0.1, 0.2, 0.3])).toBeCloseTo(0.25, 10);
    expect(mean([0.1, 0.2, 0.6])).toBeCloseTo(0.3, 10);
    expect(median([])).toBe(0);
  });
});
