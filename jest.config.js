const fs = require('node:fs');
const path = require('node:path');

// Two projects: `unit` (pure code, no servers) and `integration` (real broker, database, clamd,
// Tesseract; the global setup finds or starts them). `npm test` runs both.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
// Workspace packages resolve to their sources, as far as their `exports` maps reach: a package by
// name, a service by name (its main.ts) or by a subpath it exports. Deep imports fail, as in tsc.
const SERVICES = 'gateway|scanner|ocr|classifier|publisher|scheduler';
const moduleNameMapper = {
  [`^@docflow/(${SERVICES})$`]: '<rootDir>/services/$1/src/main',
  '^@docflow/classifier/domain/process-document$':
    '<rootDir>/services/classifier/src/domain/process-document',
  '^@docflow/ocr/extract$': '<rootDir>/services/ocr/src/extract/index',
  [`^@docflow/(?!(?:${SERVICES})$)([a-z-]+)$`]: '<rootDir>/packages/$1/src',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };
const integration = {
  ...common,
  globalSetup: '<rootDir>/packages/testing/jest/global-setup.ts',
  slowTestThreshold: 30,
};
// Real labelled documents (../shared/datasets, or DOCFLOW_DATASETS) go through the pipeline only
// where they are: on a developer's machine and in CI, not on a clone without them.
const datasets =
  process.env.DOCFLOW_DATASETS ?? path.resolve(__dirname, '..', 'shared', 'datasets');
const realData = fs.existsSync(datasets)
  ? [
      {
        ...integration,
        displayName: 'real-data',
        testMatch: ['<rootDir>/{packages,services}/*/test/real-data/**/*.test.ts'],
      },
    ]
  : [];

module.exports = {
  // integration tests talk to real servers (a global option: jest ignores it per project)
  testTimeout: 30_000,
  // Two suites at a time, also on a 2-core machine: the integration suites mostly wait on the
  // servers and the pipeline, and each has its own vhost and database (the fault suite its own
  // servers), so they run side by side. The sequencer starts the long end-to-end suites first.
  maxWorkers: 2,
  testSequencer: '<rootDir>/packages/testing/jest/sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services}/*/test/unit/**/*.test.ts'],
    },
    {
      ...integration,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,services}/*/test/integration/**/*.test.ts'],
    },
    ...realData,
  ],
};
