import { join, resolve } from 'node:path';

/** Where the classifier keeps its corpus, model and reports (relative to this service). */
export const serviceDir = resolve(__dirname, '../..');
export const corpusDir = join(serviceDir, 'corpus');
export const modelPath = join(serviceDir, 'model', 'base-model.json');
export const reportsDir = resolve(serviceDir, '../../reports');
