import { mkdirSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/**
 * Worker tests run inside workerd with the bindings from wrangler.toml (D1 on local SQLite). The test
 * upstream (an OpenAI-compatible HTTP server) runs in Node, started by the global setup; its URL reaches
 * the tests through `inject('upstreamUrl')`; a real OpenID provider (test/idp/) likewise through `inject('idp')`. The D1 migrations are read here (Node) and applied by
 * worker/testing/apply-migrations.ts (workerd) before each test file.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  // wrangler.toml serves the admin console from dist/console ([assets]); worker tests need the folder, not its files.
  mkdirSync('./dist/console', { recursive: true });
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            ENVIRONMENT: 'test',
            TEST_MIGRATIONS: migrations,
          },
        },
      }),
    ],
    test: {
      include: ['worker/**/*.test.ts', 'test/contracts/**/*.test.ts', 'test/security/**/*.worker.test.ts'],
      // Generous: a loaded CI machine must not fail a test for being slow (speed is measured by `npm run bench`).
      testTimeout: 20_000,
      globalSetup: [
        'test/setup/upstream.global.ts',
        'test/setup/idp.global.ts',
        'test/setup/mcp.global.ts',
        'test/setup/rollups.global.ts',
      ],
      // Runs per route of test/security/edge-fuzzing.worker.test.ts; FUZZ_RUNS=2000 for a deeper local run.
      provide: { fuzzRuns: Number.parseInt(process.env.FUZZ_RUNS ?? '', 10) || 100 },
      setupFiles: ['worker/testing/apply-migrations.ts'],
    },
  };
});
