import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the real labelled sets are: `DOCFLOW_DATASETS`, else `shared/datasets` beside the
 * repository (as on a developer's machine and in CI). Undefined when neither exists, as on a
 * clone without them: whatever needs them is then left out, and says so.
 */
export function sharedDatasetsDir(repoRoot: string): string | undefined {
  const dir = process.env.DOCFLOW_DATASETS ?? resolve(repoRoot, '..', 'shared', 'datasets');
  return existsSync(dir) ? dir : undefined;
}
