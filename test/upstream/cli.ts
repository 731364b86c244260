/**
 * `npm run upstream -- --port 8788 [--host 127.0.0.1] [--dimensions 256] [--demo]`
 * Runs the test upstream on its own, for `npm run dev` without an OpenAI key, for benchmarks and for
 * poking at it with curl. Port 0 picks a free port.
 */
import { parseArgs } from 'node:util';
import { startUpstream } from './server';

const DEFAULT_PORT = 8788;

function integer(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      dimensions: { type: 'string' },
      // Answers built from the prompt's page and passages (demo.ts) instead of the tests' echo.
      demo: { type: 'boolean' },
    },
  });
  const upstream = await startUpstream({
    port: integer(values.port, 'port', DEFAULT_PORT),
    host: values.host,
    embeddingDimensions: integer(values.dimensions, 'dimensions'),
    answers: values.demo ? 'demo' : 'echo',
  });
  console.log(`Test upstream (OpenAI API) listening on ${upstream.url}`);
  console.log(`Use it with: OPENAI_BASE_URL=${upstream.url} OPENAI_API_KEY=test`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second Ctrl-C while closing means "now".
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Received ${signal}, stopping test upstream`);
    await upstream.close();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
