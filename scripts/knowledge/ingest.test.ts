import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../../test/upstream/server';
import { chunkPlainText } from '../../worker/knowledge/chunk';
import { parseIngestArguments, runIngest } from '../ingest';
import { seedSampleKnowledge } from '../seed-sample';
import { LOCAL_DEV_TOKEN, type LocalWorker, startLocalWorker } from './local-worker';
import { formatSummary, uploadDocuments } from './upload';

/**
 * The ingestion CLI against the real worker (workerd through wrangler's test harness, local D1, the test
 * upstream for embeddings): no stand-in for the worker anywhere.
 */
let upstream: Upstream;
let worker: LocalWorker;
let folder: string;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  upstream = await startUpstream();
  worker = await startLocalWorker({
    OPENAI_BASE_URL: upstream.url,
    OPENAI_API_KEY: 'test',
    SPACES: JSON.stringify({ company: ['*'], sales: ['sales-team'], support: ['support-team'], hr: ['hr-team'] }),
  });
  folder = await mkdtemp(join(tmpdir(), 'beside-ingest-'));
  await mkdir(join(folder, 'nested'));
  await writeFile(join(folder, 'refunds.md'), '# Refunds\n\nAnnual plans are refundable within 30 days.');
  await writeFile(join(folder, 'nested', 'sso.html'), '<title>SSO guide</title><h1>SSO</h1><p>Use SAML 2.0.</p>');
  await writeFile(join(folder, 'notes.txt'), 'Plain text notes about billing.');
  await writeFile(join(folder, 'ignored.pdf'), 'not ingested');
  site = createServer((req, res) => {
    if (req.url === '/sitemap.xml') {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(
        `<?xml version="1.0"?><urlset><url><loc>${siteUrl}/a</loc></url><url><loc>${siteUrl}/missing</loc></url></urlset>`,
      );
    } else if (req.url === '/a') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>Page A</title></head><body><h1>Page A</h1><p>Overage pricing.</p></body></html>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await upstream?.close();
  await new Promise((resolve) => site?.close(resolve));
  if (folder) await rm(folder, { recursive: true, force: true });
});

const args = (source: string, space = 'support') => ({
  source,
  space,
  workerUrl: worker.url,
  token: LOCAL_DEV_TOKEN,
  concurrency: 2,
});

describe('npm run ingest', () => {
  it('ingests a folder, then skips everything unchanged on the second run', async () => {
    const progress: number[] = [];
    const first = await runIngest(args(folder), { onProgress: ({ done }) => progress.push(done) });
    expect(first).toMatchObject({ documents: 3, created: 3, skippedUnchanged: 0, errors: [] });
    expect(first.chunks).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([1, 2, 3]);
    const second = await runIngest(args(folder));
    expect(second).toMatchObject({ documents: 3, created: 0, updated: 0, skippedUnchanged: 3, errors: [] });
    expect(formatSummary(second)).toContain('3 skipped unchanged');
  });

  it('reports per-document errors from the worker and keeps going', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'beside-bad-'));
    await writeFile(join(bad, 'empty.html'), '<script>nothing()</script>');
    await writeFile(join(bad, 'good.md'), '# Good\n\nContent.');
    const summary = await runIngest(args(bad));
    expect(summary.documents).toBe(1);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]?.message).toMatch(/invalid_request/);
    const unknownSpace = await runIngest(args(bad, 'finance'));
    expect(unknownSpace.errors[0]?.message).toMatch(/Unknown space "finance"/);
    await rm(bad, { recursive: true });
  });

  it('ingests the pages of a sitemap, reporting pages that fail', async () => {
    const summary = await runIngest(args(`${siteUrl}/sitemap.xml`, 'company'));
    expect(summary).toMatchObject({ documents: 1, created: 1 });
    expect(summary.errors).toEqual([{ source: `${siteUrl}/missing`, message: 'HTTP 404 fetching the page' }]);
  });

  it('refuses to move a page into another space without --move, and says how', async () => {
    const page = `${siteUrl}/a`;
    expect((await runIngest(args(page, 'company'))).errors).toEqual([]);
    const refused = await runIngest(args(page, 'support'));
    expect(refused).toMatchObject({ documents: 0, errors: [{ source: page, code: 'document_space_conflict' }] });
    expect(refused.errors[0]?.message).toContain('stored in space "company"');
    expect(formatSummary(refused)).toContain('Re-run with --move');
    const moved = await runIngest({ ...args(page, 'support'), move: true });
    expect(moved).toMatchObject({ documents: 1, updated: 1, errors: [] });
    expect(parseIngestArguments([page, '--space', 'support', '--move'], { BESIDE_TOKEN: 't' }).move).toBe(true);
  });

  it('ingests plain-text passages of a real documentation set, "# " lines as text, never headings', async () => {
    const dataset = join(process.cwd(), '..', 'shared', 'data', 'kb-eval', 'anthropic_docs.json');
    if (!existsSync(dataset)) throw new Error(`This test reads the kb-eval data set at ${dataset}; it is absent.`);
    const passages = (JSON.parse(await readFile(dataset, 'utf8')) as { chunk_link: string; text: string }[]).map(
      (passage) => passage.text,
    );
    // Passages with shell/Python comments, and the same passages cut to start at their first "# " line.
    const commented = passages.filter((text) => /^# /m.test(text));
    expect(commented.length).toBeGreaterThanOrEqual(8);
    const startingWithHash = commented.map((text) => text.slice(text.search(/^# /m)));
    // Every passage of the set chunks as text (cheap, in-process); those with "# " lines go through the worker.
    for (const text of passages) {
      const chunks = chunkPlainText(text);
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks.every((chunk) => chunk.heading === '')).toBe(true);
    }
    const texts = [...commented, ...startingWithHash, '# Example usage'];
    const summary = await uploadDocuments({
      workerUrl: worker.url,
      token: LOCAL_DEV_TOKEN,
      concurrency: 4,
      items: texts.map((text, index) => ({
        source: `passage ${index}`,
        document: { id: `kb-eval/text-${index}`, title: `Passage ${index}`, space: 'hr', text },
      })),
    });
    expect(summary.errors).toEqual([]);
    expect(summary.documents).toBe(texts.length);
    for (const text of ['# Example usage', ...startingWithHash.slice(0, 3)]) {
      const firstLine = text.split('\n')[0] as string;
      const response = await fetch(`${worker.url}/v1/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${LOCAL_DEV_TOKEN}` },
        body: JSON.stringify({ query: firstLine.slice(2), k: 50, spaces: ['hr'], mode: 'keyword' }),
      });
      const { results } = (await response.json()) as { results: { heading: string; text: string }[] };
      const hit = results.find((result) => result.text.startsWith(firstLine));
      expect(hit, firstLine).toBeDefined();
      expect(results.every((result) => result.heading === '')).toBe(true);
    }
  }, 60_000);

  it('says clearly when the worker cannot be reached or the token is refused', async () => {
    const down = await runIngest({ ...args(folder), workerUrl: 'http://127.0.0.1:9' });
    expect(down.errors[0]?.message).toMatch(/Cannot reach the worker/);
    const refused = await runIngest({ ...args(folder), token: 'wrong' });
    expect(refused.errors[0]?.message).toMatch(/^unauthorized/);
  });

  it('runs as a command: progress, summary, and a non-zero exit on failure', async () => {
    const run = promisify(execFile);
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const ok = await run(tsx, [
      'scripts/ingest.ts',
      folder,
      '--space',
      'support',
      '--url',
      worker.url,
      '--token',
      LOCAL_DEV_TOKEN,
    ]);
    expect(ok.stdout).toContain('Documents: 3');
    expect(ok.stderr).toMatch(/\[█+\] 3\/3/);
    const failed = await run(tsx, ['scripts/ingest.ts', folder, '--space', 'nope', '--url', worker.url], {
      env: { ...process.env, BESIDE_TOKEN: LOCAL_DEV_TOKEN },
    }).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    // One line for the unknown space, naming the spaces that exist, not one per document.
    const output = (failed as { stdout: string }).stdout;
    expect(output).toContain('Errors:    1');
    expect(output.match(/Unknown space "nope"/g)).toHaveLength(1);
    expect(output).toMatch(/Configured spaces \(SPACES\): .*support/);
  }, 90_000);

  it('uses the DEV_TOKEN of .dev.vars against a worker on this computer, as the README example does', async () => {
    const project = await mkdtemp(join(tmpdir(), 'beside-project-'));
    await writeFile(join(project, '.dev.vars'), 'ENVIRONMENT=development\nDEV_TOKEN="from-dev-vars"\n');
    expect(parseIngestArguments(['docs', '--space', 'company'], {}, project)).toMatchObject({
      workerUrl: 'http://127.0.0.1:8787',
      token: 'from-dev-vars',
    });
    // Never sent to another server: a remote worker needs its own token.
    expect(() =>
      parseIngestArguments(['docs', '--space', 'company', '--url', 'https://beside.example.com'], {}, project),
    ).toThrow(/--token "\$ADMIN_API_KEY"/);
    // No .dev.vars: says exactly what to pass.
    const empty = await mkdtemp(join(tmpdir(), 'beside-empty-'));
    expect(() => parseIngestArguments(['docs', '--space', 'company'], {}, empty)).toThrow(
      /Run npm run dev once, or pass --token <the DEV_TOKEN that npm run dev printed>/,
    );
    await rm(project, { recursive: true });
    await rm(empty, { recursive: true });
  });

  it('refuses incomplete arguments with the usage', () => {
    expect(() => parseIngestArguments(['docs'], {})).toThrow(/--space is required/);
    expect(() => parseIngestArguments(['docs', '--space', 'x', '--url', 'https://w.example'], {})).toThrow(
      /token is required/,
    );
    expect(parseIngestArguments(['docs', '--space', 'x'], { BESIDE_TOKEN: 't', WORKER_URL: 'http://w' })).toMatchObject(
      {
        workerUrl: 'http://w',
        token: 't',
      },
    );
  });
});

describe('seedSampleKnowledge', () => {
  it('loads the sample knowledge base into every space, searchable with citations', async () => {
    const summary = await seedSampleKnowledge({ workerUrl: worker.url, token: LOCAL_DEV_TOKEN });
    expect(summary.errors).toEqual([]);
    expect(summary.documents).toBeGreaterThanOrEqual(8);
    const response = await fetch(`${worker.url}/v1/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${LOCAL_DEV_TOKEN}` },
      body: JSON.stringify({ query: 'how long is parental leave', k: 3 }),
    });
    const body = (await response.json()) as { results: { space: string; url: string; heading: string }[] };
    expect(body.results[0]).toMatchObject({
      space: 'hr',
      url: 'https://people.northwind.example/policies/parental-leave',
    });
    const again = await seedSampleKnowledge({ workerUrl: worker.url, token: LOCAL_DEV_TOKEN });
    expect(again.skippedUnchanged).toBe(summary.documents);
  });
});
