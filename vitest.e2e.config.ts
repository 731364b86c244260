import { defineConfig } from 'vitest/config';

/**
 * End-to-end: the built extension in real Chromium, the worker under `wrangler dev`, the test upstream.
 * One file at a time: each launches a browser, and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts', 'test/security/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
