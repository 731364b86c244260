/**
 * `npm run ingest -- <folder | file | sitemap or page URL> --space <name> [--url http://127.0.0.1:8787]
 *  [--token …] [--concurrency 4] [--move] [--allow-host <host>]…`: adds or updates company knowledge
 * through the worker. `--move` lets documents whose id is stored in another space move into this one
 * (refused otherwise). A sitemap's pages and redirects must stay on its host; `--allow-host` (repeatable or
 * comma-separated, `host` or `host:port`) names other hosts they may be on.
 * WORKER_URL and BESIDE_TOKEN may stand in for --url and --token; against a worker on this computer without either,
 * the DEV_TOKEN of `.dev.vars` (written by `npm run dev`) is used. Exits non-zero when anything failed.
 */
import { parseArgs } from 'node:util';
import { collectDocuments } from './knowledge/collect';
import { devTokenFromDevVars, isLoopbackUrl } from './knowledge/dev-token';
import { parseAllowedHosts } from './knowledge/hosts';
import { progressBar } from './knowledge/progress';
import { formatSummary, type Summary, uploadDocuments } from './knowledge/upload';

const USAGE =
  'Usage: npm run ingest -- <folder | file | sitemap or URL> --space <name> [--url http://127.0.0.1:8787] [--token <token>] [--move] [--allow-host <host>]';

export interface IngestArguments {
  source: string;
  space: string;
  workerUrl: string;
  token: string;
  concurrency: number;
  /** Move documents stored in another space into this one instead of refusing them. */
  move?: boolean;
  /** Hosts besides the source URL's that sitemap pages and redirects may be on. */
  allowHosts?: string[];
}

export function parseIngestArguments(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  devVarsDirectory: string = process.cwd(),
): IngestArguments {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      space: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      concurrency: { type: 'string' },
      move: { type: 'boolean' },
      'allow-host': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error(USAGE);
  const source = positionals[0];
  if (!source || positionals.length > 1) throw new Error(`Give exactly one folder, file or URL.\n${USAGE}`);
  if (!values.space) throw new Error(`--space is required (e.g. --space support).\n${USAGE}`);
  const workerUrl = values.url ?? env.WORKER_URL ?? 'http://127.0.0.1:8787';
  const local = isLoopbackUrl(workerUrl);
  const token = values.token ?? env.BESIDE_TOKEN ?? (local ? devTokenFromDevVars(devVarsDirectory) : undefined);
  if (!token) {
    throw new Error(
      local
        ? `No token: .dev.vars (created by npm run dev) has no DEV_TOKEN here. Run npm run dev once, or pass --token <the DEV_TOKEN that npm run dev printed>.\n${USAGE}`
        : `A token is required for ${workerUrl}: --token "$ADMIN_API_KEY" (or an administrator's sign-in token), or BESIDE_TOKEN.\n${USAGE}`,
    );
  }
  const concurrency = Number.parseInt(values.concurrency ?? '4', 10);
  return {
    source,
    space: values.space,
    workerUrl,
    token,
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 4,
    move: values.move ?? false,
    allowHosts: parseAllowedHosts(values['allow-host'] ?? []),
  };
}

export async function runIngest(
  args: IngestArguments,
  options: { onProgress?: Parameters<typeof uploadDocuments>[0]['onProgress'] } = {},
): Promise<Summary> {
  const items = await collectDocuments(args.source, args.space, { allowHosts: args.allowHosts ?? [] });
  return uploadDocuments({
    workerUrl: args.workerUrl,
    token: args.token,
    items,
    concurrency: args.concurrency,
    move: args.move ?? false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

async function main(): Promise<number> {
  let args: IngestArguments;
  try {
    args = parseIngestArguments(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  console.error(`Ingesting ${args.source} into space "${args.space}" via ${args.workerUrl}`);
  const summary = await runIngest(args, { onProgress: progressBar() });
  console.log(formatSummary(summary));
  return summary.errors.length > 0 || summary.documents === 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
