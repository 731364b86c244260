import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The worker runs on this computer (`npm run dev`): only then may the CLI use the development token. */
export function isLoopbackUrl(workerUrl: string): boolean {
  try {
    const { hostname } = new URL(workerUrl);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * `DEV_TOKEN` from the `.dev.vars` that `npm run dev` created in `directory`, or undefined. Read only for a worker
 * on this computer: the file is the local worker's own configuration, and its token is refused anywhere else.
 */
export function devTokenFromDevVars(directory: string = process.cwd()): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(directory, '.dev.vars'), 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const match = /^\s*DEV_TOKEN\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const value = (match[1] ?? '').replace(/^(["'])(.*)\1$/, '$2');
    if (value) return value;
  }
  return undefined;
}
