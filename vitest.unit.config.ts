import { defineConfig } from 'vitest/config';

/** Plain Node tests: shared schemas, extension modules (DOM via linkedom), the test upstreams (model, identity provider), scripts. */
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'extension/**/*.test.ts',
      'test/upstream/**/*.test.ts',
      'test/idp/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'test/security/**/*.unit.test.ts',
      'test/*.unit.test.ts',
    ],
    environment: 'node',
    // Capture's visibility judge for documents without layout (linkedom); the browser uses the layout engine.
    // And the extension's words: chrome.i18n over extension/locales/en.yml.
    setupFiles: [
      'extension/capture/testing/declared-styles.setup.ts',
      'extension/capture/testing/article-reader.setup.ts',
      'extension/testing/i18n.setup.ts',
    ],
    // Generous: a loaded CI machine must not fail a test for being slow (speed is measured by `npm run bench`).
    testTimeout: 20_000,
  },
});
