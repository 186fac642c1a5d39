// `@docflow/ocr/extract`: the stage's extraction for offline tools (npm run eval), the same code
// the service runs, without its broker and database.
export { ocrConfigSchema, type OcrConfig } from '../config';
export { characterErrorRate, normaliseForCer } from '../domain/character-error-rate';
export type { ExtractedPage, Extraction } from './extracted';
export { startExtractor, type Extractor } from './start-extractor';
