import { createApp } from './app';
import type { Env } from './env';
import { enforceRetention } from './personal-data/retention';

const app = createApp();

export default {
  fetch: app.fetch,
  // The cron trigger in wrangler.toml: personal data older than RETENTION_DAYS is deleted.
  scheduled(controller, env, ctx) {
    ctx.waitUntil(enforceRetention(env, new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Env>;
