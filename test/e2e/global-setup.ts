import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWranglerDev } from '../../scripts/lib/wrangler-dev';
import { startMcpServer } from '../mcp/server';
import { startStaticServer } from '../support/static-server';
import { startUpstream } from '../upstream/server';
import { e2eWorkerSettings } from './worker-settings';

export const E2E_DEV_TOKEN = 'e2e-dev-token';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { workerUrl: string; upstreamUrl: string; fixturesUrl: string; devToken: string; mcpUrl: string };
  }
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts once for all end-to-end files: the test upstream (the "model"), the real worker under
 * `wrangler dev` pointed at it, and a server for fixture pages. Each file launches its own Chromium.
 */
export default async function setup(project: TestProject) {
  const extension = resolve(root, '.output/chrome-mv3-e2e/manifest.json');
  if (!existsSync(extension))
    throw new Error('Build the extension first: `npx wxt build --mode e2e` (npm run test:e2e does).');

  const upstream = await startUpstream();
  // A CRM the assistants reach over MCP: the approval tests count the calls it really ran.
  const mcp = await startMcpServer();
  const fixtures = await startStaticServer([resolve(root, 'test/e2e/fixtures'), resolve(root, 'test/fixtures/pages')]);
  const worker = await startWranglerDev({
    vars: {
      ...e2eWorkerSettings({ devToken: E2E_DEV_TOKEN, upstreamUrl: upstream.url }),
      // The drafts in the e2e tests ground in the default `company` space.
      CUSTOMER_SAFE_SPACES: 'company',
      MCP_SERVERS: JSON.stringify([
        {
          name: 'crm',
          url: mcp.endpoint,
          headers: { Authorization: 'secret:CRM_TOKEN' },
          allowedTools: ['lookup_account', 'update_stage'],
        },
      ]),
      CRM_TOKEN: 'Bearer e2e-crm-token',
      // A `smart` alias on its own model id (the same test upstream), so the hand-off test sees the Investigator's
      // model answer; `default` stays the OPENAI_* shortcut above.
      MODELS: JSON.stringify({
        providers: { larger: { type: 'openai-compatible', baseURL: upstream.url } },
        aliases: { smart: ['larger:test-model-larger'] },
      }),
    },
  });

  project.provide('e2e', {
    workerUrl: worker.url,
    upstreamUrl: upstream.url,
    fixturesUrl: fixtures.url,
    devToken: E2E_DEV_TOKEN,
    mcpUrl: mcp.url,
  });
  return async () => {
    await worker.stop();
    await fixtures.close();
    await upstream.close();
    await mcp.close();
  };
}
