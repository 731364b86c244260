import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitFor } from './ports';

const root = resolve(import.meta.dirname, '../..');
const wrangler = join(root, 'node_modules/.bin/wrangler');

export interface WranglerDev {
  url: string;
  stop(): Promise<void>;
  /** Everything wrangler printed, for failure messages. */
  output(): string;
}

export interface WranglerDevOptions {
  /** Env files wrangler loads (later ones win); none means only `vars`. */
  envFiles?: string[];
  /** Variables written to a temporary env file loaded last, so they override everything else. */
  vars?: Record<string, string>;
  port?: number;
  /** Another worker's wrangler.toml (a benchmark's reference worker); the project's own when omitted. */
  config?: string;
  /** Local D1 state; a fresh temporary folder (deleted on stop) when omitted. */
  persistTo?: string;
  /** Receives wrangler's output as it comes (dev prints it; tests keep it for failure messages). */
  onOutput?: (text: string) => void;
  /** Runs after the migrations, before the worker opens the database (e.g. to seed it straight into SQLite). */
  beforeStart?: (persistTo: string) => Promise<void> | void;
}

/**
 * Runs the real worker with `wrangler dev` (workerd, local D1) on 127.0.0.1. Variables come from a
 * temporary env file so a developer's own .dev.vars never leaks into tests or benchmarks.
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  const port = options.port ?? (await freePort());
  const scratch = mkdtempSync(join(tmpdir(), 'beside-wrangler-'));
  const persistTo = options.persistTo ?? join(scratch, 'state');
  const varsFile = join(scratch, 'vars.env');
  writeFileSync(
    varsFile,
    Object.entries(options.vars ?? {})
      .map(([key, value]) => `${key}=${envFileValue(value)}`)
      .join('\n'),
  );
  const envFiles = [...(options.envFiles ?? []), varsFile].flatMap((file) => ['--env-file', file]);

  const environment = {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    NO_COLOR: '1',
  };
  if (!options.config && hasMigrations()) {
    await promisify(execFile)(wrangler, ['d1', 'migrations', 'apply', 'beside', '--local', '--persist-to', persistTo], {
      cwd: root,
      env: { ...environment, CI: '1' },
    });
  }
  await options.beforeStart?.(persistTo);
  // wrangler refuses to start without the [assets] folder; an unbuilt console is a 404 at /admin/, not a failure.
  if (!options.config) mkdirSync(join(root, 'dist/console'), { recursive: true });

  let output = '';
  const child: ChildProcess = spawn(
    wrangler,
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      ...envFiles,
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      ...(options.config ? ['--config', options.config] : []),
      '--inspector-port',
      String(await freePort()),
    ],
    { cwd: root, env: environment, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const collect = (data: Buffer) => {
    output += data;
    options.onOutput?.(String(data));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
        // 503 is a running worker with a setting it cannot use: ready, and /v1/health/details says what is wrong.
        const { status } = await fetch(`${url}/v1/health`);
        return status === 200 || status === 503;
      },
      60_000,
      `wrangler dev on ${url}`,
    );
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${(error as Error).message}\n${output}`);
  }

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timeout);
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function hasMigrations(): boolean {
  const folder = join(root, 'migrations');
  return existsSync(folder) && readdirSync(folder).some((file) => file.endsWith('.sql'));
}

/** dotenv keeps single-quoted values literally (JSON such as SPACES survives); double quotes only as a fallback. */
function envFileValue(value: string): string {
  return value.includes("'") || value.includes('\n') ? JSON.stringify(value) : `'${value}'`;
}
