import { defineConfig } from 'vitest/config';

/**
 * `npm run screenshots`: the screenshot tour (test/screenshots/), the built extension in real Chromium through every
 * state of the panel, light and dark, English and French, at 360 px. Not part of `npm test`: the e2e suite asserts
 * the key states; the tour is for looking at them.
 */
export default defineConfig({
  test: {
    include: ['test/screenshots/**/*.screenshots.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
