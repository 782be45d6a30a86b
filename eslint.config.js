// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Layers (DESIGN.md "Rules of the house", STYLE.md 17): core (standardize/, match/) ← mdm/ ←
 * api/, jobs/, cli/ and the entry points; the web page (ui/web) sees only src/shared. Each block
 * below lists what one layer may NOT import; test/lint/layers.test.ts lints a wrong-way import per
 * layer to prove each rule bites. ESLint does not merge the options of one rule across blocks, so
 * each block states its whole list.
 */
const ioModules = [
  'pg',
  'pg-copy-streams',
  'kysely',
  'kysely-pglite-dialect',
  '@electric-sql/pglite',
  'fastify',
  'bullmq',
  'ioredis',
  'pino',
  'node:fs',
  'fs',
  'node:net',
  'node:http',
];
const coreMessage = 'standardize/ and match/ are pure: no I/O, configuration or logging (take options as arguments).';
const corePatterns = [
  '**/store/**',
  '**/api/**',
  '**/jobs/**',
  '**/mdm/**',
  '**/config.js',
  '**/config-parsers.js',
  '**/logger.js',
  '@fastify/*',
  '@bull-board/*',
];
/** Outside mdm/, its use cases are reached through mdm/index.js only. */
const mdmDoor = { group: ['**/mdm/**', '!**/mdm/index.js'], message: 'Use mdm/ through its index.ts (the use cases).' };
const restrict = (patterns, paths = []) => ['error', { paths, patterns }];

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
      'no-restricted-imports': restrict(
        [{ group: corePatterns, message: coreMessage }],
        ioModules.map((name) => ({ name, message: coreMessage })),
      ),
    },
  },
  {
    // Entry points, cli/, jobs/, batch/, quality/ …: any layer above mdm/ uses it through its door.
    files: ['src/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      'src/mdm/**',
      'src/standardize/**',
      'src/match/**',
      'src/api/**',
      'src/jobs/processors/**',
      'src/ui/web/**',
    ],
    rules: { 'no-restricted-imports': restrict([mdmDoor]) },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        mdmDoor,
        {
          // Up and out of api/ into a lower layer (not a route folder of the same name: ./match/index.js).
          regex: '^(\\.\\./)+(store|standardize|match|batch|quality|cli|jobs/processors)(/|\\.js$)',
          message:
            'api/ translates HTTP to mdm/ use cases: import mdm/index.js and its own schemas, not the layers below.',
        },
      ]),
    },
  },
  {
    files: ['src/jobs/processors/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        mdmDoor,
        {
          group: ['**/store/**', '**/api/**', '**/quality/**'],
          message: 'A job processor parses its payload and calls mdm/ use cases (mdm/index.js), never store/.',
        },
      ]),
    },
  },
  {
    files: ['src/ui/web/**/*.ts', 'src/ui/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['../../*', '!../../shared', '!../../shared/**'],
          message: 'The web page compiles against src/shared (the API contract), not the server modules.',
        },
      ]),
    },
  },
);
