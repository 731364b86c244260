import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

it('prints the base URL and hint, serves, and stops cleanly on SIGTERM', async () => {
  const child = spawn(tsx, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const deadline = Date.now() + 15_000;
  while (!/OPENAI_API_KEY=test/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`CLI did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = /listening on (\S+)/.exec(output)?.[1];
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  expect(output).toContain(`OPENAI_BASE_URL=${url} OPENAI_API_KEY=test`);
  const models = await (await fetch(`${url}/models`)).json();
  expect(models.object).toBe('list');

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  expect(code).toBe(0);
}, 20_000);
