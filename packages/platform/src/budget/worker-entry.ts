import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface WorkerEntry {
  /** A file to run, or (when `eval`) the source of a script. */
  script: string;
  eval: boolean;
}

/**
 * How a budget worker thread starts, from compiled code and from sources alike.
 *
 * Compiled (`dist/budget/*.js`): budget-worker.js lies next to this file and runs as it is; task
 * modules are plain .js too.
 *
 * From sources (jest runs `src/*.ts` through @swc/jest, whose transform lives in jest's module
 * system and does not reach a worker thread): there is no .js here, so the worker is a small inline
 * script that registers tsx's CommonJS hook (tsx is a root devDependency; its `register()` lets
 * `require` load .ts) and then requires budget-worker.ts. Task modules named without an extension
 * then resolve to their .ts sources, and the workspace packages they import to their built `dist/`
 * (through node_modules, as in production). The hook is never needed, nor loaded, in an image.
 */
export function workerEntry(): WorkerEntry {
  const compiled = join(__dirname, 'budget-worker.js');
  if (existsSync(compiled)) return { script: compiled, eval: false };
  const source = join(__dirname, 'budget-worker.ts');
  let tsx: string;
  try {
    tsx = createRequire(__filename).resolve('tsx/cjs/api');
  } catch (err) {
    throw new Error(`budget worker: ${source} needs tsx to run from sources (npm install)`, {
      cause: err,
    });
  }
  return {
    script: `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(source)});\n`,
    eval: true,
  };
}
