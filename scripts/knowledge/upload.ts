/**
 * Sends documents to the worker's POST /v1/documents, a few at a time, and tallies what happened. Works
 * against `npm run dev` (dev token) and a deployed worker (a sign-in token of an admin, or ADMIN_API_KEY).
 */
import { IngestResult } from '../../shared/knowledge';
import type { Collected } from './collect';

export interface Summary {
  /** Documents the worker accepted (created, updated or unchanged). */
  documents: number;
  created: number;
  updated: number;
  /** Re-sent with the same content: the worker wrote nothing. */
  skippedUnchanged: number;
  /** Chunks of the accepted documents. */
  chunks: number;
  errors: { source: string; message: string; code?: string }[];
}

export interface Progress {
  done: number;
  total: number;
  source: string;
}

export interface UploadOptions {
  workerUrl: string;
  token: string;
  items: Collected[];
  concurrency?: number;
  onProgress?: (progress: Progress) => void;
  fetchImpl?: typeof fetch;
  /** Allow moving documents whose id is stored in another space (`--move`); refused (409) otherwise. */
  move?: boolean;
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/** The worker's problem+json, in one line, with its code. */
async function problemText(response: Response): Promise<{ message: string; code?: string }> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as {
      title?: string;
      detail?: string;
      code?: string;
      issues?: { path: string; message: string }[];
    };
    // A field error that only repeats the detail (an unknown space) is said once.
    const issues = problem.issues
      ?.filter((issue) => issue.message !== problem.detail)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    const message = `${problem.code ?? response.status} — ${problem.detail ?? problem.title ?? text}${issues ? ` (${issues})` : ''}`;
    return { message, ...(problem.code ? { code: problem.code } : {}) };
  } catch {
    return { message: `HTTP ${response.status} — ${text.slice(0, 200)}` };
  }
}

export function emptySummary(): Summary {
  return { documents: 0, created: 0, updated: 0, skippedUnchanged: 0, chunks: 0, errors: [] };
}

export async function uploadDocuments(options: UploadOptions): Promise<Summary> {
  const summary = emptySummary();
  const fetchImpl = options.fetchImpl ?? fetch;
  const endpoint = `${options.workerUrl.replace(/\/+$/, '')}/v1/documents`;
  const queue = [...options.items];
  let done = 0;
  // An unknown space fails every document the same way: say it once (with the known spaces) and stop.
  let unknownSpace = false;

  async function send(item: Collected): Promise<void> {
    if (!item.document) {
      summary.errors.push({ source: item.source, message: item.error ?? 'Could not be read.' });
      return;
    }
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
          body: JSON.stringify(options.move ? { ...item.document, move: true } : item.document),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        summary.errors.push({
          source: item.source,
          message: `Cannot reach the worker at ${options.workerUrl}${cause ? ` (${cause})` : ''}. Is it running?`,
        });
        return;
      }
      if (RETRYABLE.has(response.status) && attempt < 2) {
        await response.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
        continue;
      }
      if (!response.ok) {
        const problem = await problemText(response);
        if (/Unknown space "/.test(problem.message)) {
          if (!unknownSpace) summary.errors.push({ source: item.document.space, ...problem });
          unknownSpace = true;
          return;
        }
        summary.errors.push({ source: item.source, ...problem });
        return;
      }
      const result = IngestResult.parse(await response.json());
      summary.documents++;
      summary.chunks += result.chunks;
      if (result.status === 'created') summary.created++;
      else if (result.status === 'updated') summary.updated++;
      else summary.skippedUnchanged++;
      return;
    }
  }

  async function worker(): Promise<void> {
    for (let item = queue.shift(); item && !unknownSpace; item = queue.shift()) {
      await send(item);
      done++;
      options.onProgress?.({ done, total: options.items.length, source: item.source });
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return summary;
}

export function formatSummary(summary: Summary): string {
  const lines = [
    `Documents: ${summary.documents} (${summary.created} new, ${summary.updated} updated, ${summary.skippedUnchanged} skipped unchanged)`,
    `Chunks:    ${summary.chunks}`,
    `Errors:    ${summary.errors.length}`,
    ...summary.errors.map((error) => `  ✗ ${error.source}: ${error.message}`),
  ];
  const conflicts = summary.errors.filter((error) => error.code === 'document_space_conflict').length;
  if (conflicts > 0) {
    lines.push(
      `${conflicts} document${conflicts === 1 ? ' is' : 's are'} already stored in another space and ${conflicts === 1 ? 'was' : 'were'} left there.`,
      'Re-run with --move to move them into this space (everyone who reads this space will see them), or give them other ids.',
    );
  }
  return lines.join('\n');
}
