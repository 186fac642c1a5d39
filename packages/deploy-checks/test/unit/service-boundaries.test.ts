import { Linter } from 'eslint';
import { repoPath, repoRoot } from '../../src';

// the repository's own lint setup, as `npm run lint` loads it
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(repoPath('eslint.config.js')) as Linter.Config[];

/** The repository's lint setup run over one planted source text at a path of our choosing. */
function lint(path: string, code: string): string[] {
  const messages = new Linter({ cwd: repoRoot }).verify(code, config, repoPath(path));
  return messages.filter((m) => m.ruleId === 'docflow/service-boundaries').map((m) => m.message);
}

describe('lint: service boundaries', () => {
  it('when a service imports another service by package name, then lint reports it', async () => {
    const messages = lint(
      'services/scheduler/src/jobs/planted.ts',
      "import { startClassifier } from '@docflow/classifier';\nexport const x = startClassifier;\n",
    );
    expect(messages).toEqual([
      "services/scheduler imports the classifier service ('@docflow/classifier'): move what both need into a package under packages/",
    ]);
  });

  it('when a service test reaches into another service by a relative path, then lint reports it', async () => {
    const messages = lint(
      'services/ocr/test/integration/planted.test.ts',
      "import { loadFixtures } from '../../../scanner/test/fixtures/fixtures';\nexport const x = loadFixtures;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/^services\/ocr imports the scanner service/)]);
  });

  it('when a service imports its own files and packages, then lint has nothing to say', async () => {
    const messages = lint(
      'services/ocr/src/planted.ts',
      "import { parseConfig } from '@docflow/platform';\nimport { startOcr } from './main';\nexport const x = [parseConfig, startOcr];\n",
    );
    expect(messages).toEqual([]);
  });
});
