/**
 * Runs this worker in workerd (wrangler's test harness: the real bundle, real local D1 with the
 * migrations applied, fresh storage) and gives its URL. For the retrieval benchmark and the CLI tests,
 * which must exercise the real code over real HTTP rather than a stand-in.
 */
import { fileURLToPath } from 'node:url';
import { createTestHarness } from 'wrangler';

export interface LocalWorker {
  url: string;
  close(): Promise<void>;
}

export const LOCAL_DEV_TOKEN = 'local-worker-dev-token';

export async function startLocalWorker(vars: Record<string, string>): Promise<LocalWorker> {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const settings = { ENVIRONMENT: 'development', DEV_TOKEN: LOCAL_DEV_TOKEN, ...vars };
  const server = createTestHarness({
    root,
    // `secrets` too: they override whatever a developer's .dev.vars holds, so runs are reproducible.
    workers: [{ configPath: './wrangler.toml', vars: settings, secrets: settings }],
  });
  const { url } = await server.listen();
  await server.getWorker().applyD1Migrations('DB');
  return { url: url.href.replace(/\/$/, ''), close: () => server.close() };
}
