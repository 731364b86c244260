/**
 * `npm run dev`: everything a newcomer needs, on one machine, offline.
 *  1. creates .dev.vars from .dev.vars.example with a fresh dev token (first run only);
 *  2. builds the extension into .output/chrome-mv3;
 *  3. starts the worker with `wrangler dev` on http://127.0.0.1:8787 (local D1 in .wrangler/state);
 *  4. seeds the sample knowledge base, and six weeks of usage for the admin console (scripts/seed-usage/);
 *  5. prints what to do next.
 * `--demo-model` also starts the scripted OpenAI-compatible test server and points the worker at it, for trying
 * the flows with no model at all (its answers are canned, not AI).
 * `--local-idp` also starts a local OpenID provider (test/idp/) with demo people and configures the worker to
 * trust it, so the extension's "Sign in" works as it would with the company's provider.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoPages } from '../worker/demo/pages';
import { formatSummary } from './knowledge/upload';
import { startWranglerDev } from './lib/wrangler-dev';
import { seedSampleKnowledge } from './seed-sample';
import { localD1File, seedUsageFile } from './seed-usage/sqlite';

const DEFAULT_SPACES = '{"company":["*"],"sales":["sales-team"],"support":["support-team"],"hr":["hr-team"]}';

const root = resolve(import.meta.dirname, '..');
const devVars = join(root, '.dev.vars');
const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 8787);

function ensureDevVars(): Record<string, string> {
  if (!existsSync(devVars)) {
    copyFileSync(join(root, '.dev.vars.example'), devVars);
    const token = `dev-${randomBytes(12).toString('hex')}`;
    writeFileSync(devVars, readFileSync(devVars, 'utf8').replace(/^DEV_TOKEN=.*$/m, `DEV_TOKEN=${token}`));
    console.log('• Created .dev.vars with a new development token.');
  }
  const values: Record<string, string> = {};
  for (const line of readFileSync(devVars, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match?.[1]) values[match[1]] = (match[2] ?? '').replace(/^"(.*)"$/, '$1');
  }
  return values;
}

async function main() {
  const vars = ensureDevVars();

  console.log('• Building the extension…');
  execFileSync(join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log('• Building the admin console…');
  execFileSync(
    join(root, 'node_modules/.bin/vite'),
    ['build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );

  const overrides: Record<string, string> = {};
  if (!vars.SPACES) {
    // A .dev.vars from before knowledge spaces existed: use the sample spaces so seeding and search work.
    overrides.SPACES = DEFAULT_SPACES;
    console.log('• .dev.vars has no SPACES; using the sample spaces (see .dev.vars.example).');
  }
  if (vars.CUSTOMER_SAFE_SPACES === undefined) {
    // Ticket replies and follow-up emails ground only in customer-safe spaces: the sample help center is one.
    overrides.CUSTOMER_SAFE_SPACES = 'support';
  }
  // Demo pages under /demo/ (development only; a deploy never sets it).
  if (vars.DEMO_PAGES === undefined) overrides.DEMO_PAGES = 'true';
  let stopDemoModel: (() => Promise<void>) | undefined;
  if (args.has('--demo-model')) {
    const { startUpstream } = await import('../test/upstream/server');
    const demo = await startUpstream({ port: 8788, answers: 'demo' });
    stopDemoModel = demo.close;
    Object.assign(overrides, { OPENAI_BASE_URL: demo.url, OPENAI_API_KEY: 'demo', CHAT_MODEL: 'test-model' });
    console.log(`• Demo model (scripted, not AI) on ${demo.url}`);
  }

  let stopIdp: (() => Promise<void>) | undefined;
  let idpText = '';
  if (args.has('--local-idp')) {
    const { startIdp } = await import('../test/idp/server');
    const { describeIdp, workerSettingsFor } = await import('../test/idp/describe');
    const idp = await startIdp({
      port: Number(process.env.IDP_PORT ?? 8789),
      anyExtensionRedirect: true,
      // The admin console signs in with the same provider, back to its own page.
      clientRedirectUris: [`http://127.0.0.1:${port}/admin/`, `http://localhost:${port}/admin/`],
    });
    stopIdp = idp.stop;
    Object.assign(overrides, workerSettingsFor(idp));
    // The demo administrator's group must administer knowledge whatever an older .dev.vars says.
    const adminGroups = new Set((vars.ADMIN_GROUPS ?? '').split(',').map((group) => group.trim()));
    adminGroups.add('kb-admins');
    overrides.ADMIN_GROUPS = [...adminGroups].filter(Boolean).join(',');
    if (vars.SPACES && vars.SPACES.replace(/^'(.*)'$/, '$1') !== DEFAULT_SPACES) {
      console.log('• Note: .dev.vars has its own SPACES; the demo people belong to sales-team, support-team, hr-team.');
    }
    idpText = describeIdp(idp);
    console.log(`• Local identity provider on ${idp.issuer}`);
  }

  console.log('• Starting the worker…');
  const worker = await startWranglerDev({
    port,
    envFiles: [devVars],
    vars: overrides,
    persistTo: join(root, '.wrangler/state'),
    beforeStart(persistTo) {
      // Demo usage for the admin console: the demo people and 60 teammates over six weeks ending today, with
      // question text as PAYLOAD_LOGGING=full keeps it. Earlier seeded rows are replaced; real usage is kept.
      const seeded = seedUsageFile(
        localD1File(persistTo),
        { endDay: new Date().toISOString().slice(0, 10), days: 42, teammates: 60, payloads: true },
        { replaceSeeded: true },
      );
      console.log(`• Seeded ${seeded.events} usage events and ${seeded.feedback} ratings for the admin console.`);
    },
    onOutput: args.has('--verbose') ? (text) => process.stdout.write(text) : undefined,
  });

  console.log('• Seeding the sample knowledge base (knowledge-samples/)…');
  try {
    const summary = await seedSampleKnowledge({ workerUrl: worker.url, token: vars.DEV_TOKEN ?? '' });
    console.log(formatSummary(summary).replace(/^/gm, '    '));
  } catch (error) {
    console.warn(`! Could not seed the sample knowledge base: ${(error as Error).message}`);
  }

  // Model details are for administrators: the dev token is one in development.
  const health = (await (
    await fetch(`${worker.url}/v1/health/details`, { headers: { Authorization: `Bearer ${vars.DEV_TOKEN ?? ''}` } })
  ).json()) as { model?: { configured: boolean; chat?: string } };
  console.log(`
Beside is running.

  Worker     ${worker.url}   (health: ${worker.url}/v1/health)
  Console    ${worker.url}/admin/   (administrators: ${stopIdp ? 'sign in as morgan, or ' : ''}the development token)
  Extension  ${join(root, '.output/chrome-mv3')}
  Model      ${health.model?.configured ? health.model.chat : 'none — set OPENAI_API_KEY or OPENAI_BASE_URL in .dev.vars, or run `npm run dev -- --demo-model`'}

Next steps
  1. Open chrome://extensions, turn on Developer mode, click "Load unpacked" and pick the Extension folder above.
  2. Open Beside's options (right-click the toolbar icon → Options): server ${worker.url}, ${
    stopIdp
      ? 'then "Sign in" as one of the demo people below (or paste the token under Advanced)'
      : `token ${vars.DEV_TOKEN ?? '(DEV_TOKEN in .dev.vars)'}`
  }
  3. Open a demo page (or any page), click the Beside icon (or press Alt+B) and ask a question.
${demoLinks(worker.url)}
${idpText ? `\n${idpText}\n  Development token (Advanced): ${vars.DEV_TOKEN ?? '(DEV_TOKEN in .dev.vars)'}\n` : ''}
Press Ctrl+C to stop.${args.has('--verbose') ? '' : ' (Run with -- --verbose to see the worker logs.)'}
`);

  const stop = async () => {
    await worker.stop();
    await stopDemoModel?.();
    await stopIdp?.();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The demo pages' links, for the "next steps" (worker/demo/pages.ts). */
function demoLinks(workerUrl: string): string {
  return [
    '',
    'Demo pages (fictional Northwind Analytics customers, matching the sample knowledge)',
    ...demoPages.map((page) => `  ${page.name.padEnd(48)} ${workerUrl}${page.path}`),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(`\n✗ ${(error as Error).message}`);
  process.exit(1);
});
