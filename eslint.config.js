// One lint setup for the whole repo (typescript-eslint recommended + a few project rules).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const serviceBoundaries = require('./scripts/lint/service-boundaries');

module.exports = tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      '.tools/**',
      'docs/**',
      'coverage/**',
      'packages/console/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['services/**/*.ts'],
    plugins: { docflow: { rules: { 'service-boundaries': serviceBoundaries } } },
    rules: { 'docflow/service-boundaries': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
