/**
 * `npx tsx test/idp/cli.ts [--port 8789] [--redirect-uri https://<extension-id>.chromiumapp.org/oidc]...
 *   [--access-token-ttl 300] [--client-id beside-extension] [--audience urn:beside:api]`
 * Runs the local identity provider on its own (loopback only) and prints the demo people and the worker
 * settings that trust it. Port 0 picks a free port. Any extension's redirect URI is accepted (development).
 */
import { parseArgs } from 'node:util';
import { describeIdp, workerSettingsFor } from './describe';
import { startIdp } from './server';

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      'redirect-uri': { type: 'string', multiple: true },
      'access-token-ttl': { type: 'string' },
      'client-id': { type: 'string' },
      audience: { type: 'string' },
    },
  });
  const idp = await startIdp({
    port: integer(values.port, 'port') ?? 8789,
    clientRedirectUris: values['redirect-uri'],
    accessTokenTtl: integer(values['access-token-ttl'], 'access-token-ttl'),
    clientId: values['client-id'],
    audience: values.audience,
    anyExtensionRedirect: true,
  });
  console.log(describeIdp(idp));
  console.log('\nWorker settings (.dev.vars):');
  for (const [name, value] of Object.entries(workerSettingsFor(idp))) console.log(`  ${name}=${value}`);

  const stop = async () => {
    await idp.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
