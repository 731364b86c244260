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
    ],
    environment: 'node',
  },
});
