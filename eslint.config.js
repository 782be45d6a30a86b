// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pure core (standardize/, match/) must never reach for I/O: see DESIGN.md "Rules of the house".
const ioModules = [
  'pg',
  'pg-copy-streams',
  'kysely',
  'kysely-pglite-dialect',
  '@electric-sql/pglite',
  'fastify',
  'bullmq',
  'ioredis',
  'node:fs',
  'fs',
  'node:net',
  'node:http',
];
const ioPatterns = ['**/store/**', '**/api/**', '**/jobs/**', '**/mdm/**', '@fastify/*', '@bull-board/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'src/ui/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/standardize/**/*.ts', 'src/match/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'standardize/ and match/ are pure: no I/O imports.' })),
          patterns: [{ group: ioPatterns, message: 'standardize/ and match/ are pure: no I/O imports.' }],
        },
      ],
    },
  },
);
