import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests run once per database dialect (see
// src/server/testing/dialects.ts); the global setup decides which dialects this machine offers.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/server/testing/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
