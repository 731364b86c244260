import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev';
import { seedSampleKnowledge } from '../../scripts/seed-sample';
import { startUpstream, type Upstream } from '../upstream/server';
import { e2eWorkerSettings } from './worker-settings';

/** The demo pages under /demo/, as the README's quick start names them. */
export const DEMO = {
  opportunity: '/demo/salesforce/lightning/r/Opportunity/006DM00000GLBX01/view',
  ticket: '/demo/zendesk/agent/tickets/4821',
  thread: '/demo/gmail/mail/u/0/',
  article: '/demo/help/articles/sso-setup',
} as const;

// The spaces `npm run dev` uses when .dev.vars names none (scripts/dev.ts).
const SPACES = '{"company":["*"],"sales":["sales-team"],"support":["support-team"],"hr":["hr-team"]}';

export interface DemoServer {
  worker: WranglerDev;
  model: Upstream;
  stop(): Promise<void>;
}

/**
 * What `npm run dev -- --demo-model` runs: the worker with the demo pages, the demo model (answers built from the
 * page and the passages in its prompt, still taking the test directives), and the sample knowledge seeded.
 */
export async function startDemoServer(devToken: string): Promise<DemoServer> {
  const model = await startUpstream({ answers: 'demo' });
  const worker = await startWranglerDev({
    vars: {
      ...e2eWorkerSettings({ devToken, upstreamUrl: model.url, apiKey: 'demo' }),
      SPACES,
      CUSTOMER_SAFE_SPACES: 'support',
      DEMO_PAGES: 'true',
    },
  });
  const seeded = await seedSampleKnowledge({ workerUrl: worker.url, token: devToken });
  if (seeded.errors.length > 0)
    throw new Error(`Seeding the sample knowledge failed: ${JSON.stringify(seeded.errors)}`);
  return {
    worker,
    model,
    async stop() {
      await worker.stop();
      await model.close();
    },
  };
}
