import { parseConfig } from '@docflow/platform';
import { ocrConfigSchema } from '../../src/config';

describe('OCR configuration: budgets', () => {
  test('when nothing is set, then the parsing steps and Tesseract have safe budgets', () => {
    // Act
    const config = parseConfig(ocrConfigSchema, {});

    // Assert
    expect(config).toMatchObject({
      OCR_BUDGET_MS: 20_000,
      OCR_BUDGET_MEMORY_MB: 512,
      OCR_BUDGET_WORKERS: 2,
      OCR_TESSERACT_TIMEOUT_MS: 120_000,
    });
    expect(config.OCR_BUDGET_MS).toBeLessThan(config.HANDLER_TIMEOUT_MS);
  });

  test('when OCR_BUDGET_MS is not below HANDLER_TIMEOUT_MS, then the configuration is refused naming it', () => {
    // Act
    const parse = () =>
      parseConfig(ocrConfigSchema, { OCR_BUDGET_MS: '60000', HANDLER_TIMEOUT_MS: '60000' });

    // Assert: a handler timeout is retried, so the budget must fire first
    expect(parse).toThrow(/OCR_BUDGET_MS: must be below HANDLER_TIMEOUT_MS/);
  });
});
