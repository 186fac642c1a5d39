import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromModelFile, type Classifier } from './model-file';

/**
 * The committed base model, written by `npm run train` (the default of CLASSIFIER_MODEL_PATH).
 * The same path from `src/` and `dist/`.
 */
export const BASE_MODEL_PATH = resolve(__dirname, '../model/base-model.json');

/** Loads and validates a base model file. */
export function loadBaseModel(path: string = BASE_MODEL_PATH): Classifier {
  return fromModelFile(JSON.parse(readFileSync(path, 'utf8')));
}
