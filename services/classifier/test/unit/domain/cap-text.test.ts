import { capText } from '../../../src/domain/cap-text';

describe('text cap', () => {
  test('when a text is within the cap, then it passes unchanged with no finding', () => {
    // Act
    const capped = capText('Total: 12.00', 100);

    // Assert
    expect(capped).toEqual({ text: 'Total: 12.00' });
  });

  test('when a text is longer than the cap, then it is cut and a text.truncated warning gives both lengths', () => {
    // Act
    const capped = capText('x'.repeat(2_500), 1_000);

    // Assert
    expect(capped.text).toHaveLength(1_000);
    expect(capped.finding).toEqual({
      code: 'text.truncated',
      severity: 'warning',
      message:
        'the text has 2500 characters; only the first 1000 were classified (CLASSIFIER_MAX_TEXT_CHARS)',
    });
  });
});
