import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite instances are heavy (WASM); forks keep memory per test file isolated.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
