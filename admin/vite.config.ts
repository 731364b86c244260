import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The admin console, built into dist/console/admin/ and served by the worker at /admin/ as static assets
 * (`[assets]` in wrangler.toml). `npm run build:console`; `npm run dev`, the e2e tests and deploy run it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [
    react(),
    {
      // Security headers for the console's pages: _headers belongs at the root of the assets directory.
      name: 'beside-console-headers',
      closeBundle() {
        copyFileSync(
          fileURLToPath(new URL('_headers', import.meta.url)),
          fileURLToPath(new URL('../dist/console/_headers', import.meta.url)),
        );
      },
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/console/admin', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1_000,
  },
});
