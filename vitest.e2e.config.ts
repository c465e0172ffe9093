import { defineConfig } from 'vitest/config';

// The browser test: a real server, a real Chromium, one file at a time (`npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
