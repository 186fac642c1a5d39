// Two projects: `unit` (pure code, no servers) and `integration` (real broker, database, clamd,
// Tesseract; the global setup finds or starts them). `npm test` runs both.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const moduleNameMapper = {
  '^@docflow/([a-z-]+)$': '<rootDir>/packages/$1/src',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services}/*/test/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,services}/*/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/packages/testing/jest/global-setup.ts',
      slowTestThreshold: 30,
      testTimeout: 30_000,
    },
  ],
};
