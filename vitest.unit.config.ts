import { defineConfig } from 'vitest/config';

/** Plain Node tests: shared schemas, extension modules (DOM via linkedom), the test upstream, scripts. */
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'extension/**/*.test.ts',
      'test/upstream/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'test/security/**/*.unit.test.ts',
    ],
    environment: 'node',
    // Generous: a loaded CI machine must not fail a test for being slow (speed is measured by `npm run bench`).
    testTimeout: 20_000,
  },
});
