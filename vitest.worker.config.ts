import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/**
 * Worker tests run inside workerd with the bindings from wrangler.toml (D1 on local SQLite). The test
 * upstream (an OpenAI-compatible HTTP server) runs in Node, started by the global setup; its URL reaches
 * the tests through `inject('upstreamUrl')`.
 */
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          ENVIRONMENT: 'test',
        },
      },
    }),
  ],
  test: {
    include: ['worker/**/*.test.ts', 'test/contracts/**/*.test.ts'],
    globalSetup: ['test/setup/upstream.global.ts'],
  },
});
