import { join, resolve } from 'node:path';

/** Where the corpus and the reports are (the same from `src/cli` and `dist/cli`). */
const packageDir = resolve(__dirname, '../..');
export const corpusDir = join(packageDir, 'corpus');
export const reportsDir = resolve(packageDir, '../../reports');
