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
  // a service's module imported by a package (the end-to-end tests, the corpus package's eval)
  '^@docflow/(gateway|scanner|ocr|classifier|publisher|scheduler)/dist/(.*)$':
    '<rootDir>/services/$1/src/$2',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  // integration tests talk to real servers (a global option: jest ignores it per project)
  testTimeout: 30_000,
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
    },
  ],
};
