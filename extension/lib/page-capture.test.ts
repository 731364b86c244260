import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { needsArticleReader } from '../capture/article-reader';
import { fakeBrowser } from '../testing/fake-browser';
import { captureTab } from './page-capture';

/**
 * The panel waits on every round trip to the page before it can show the chip. These tests play the page's
 * isolated world (where an earlier injection leaves the capture) and count what the panel asks of Chrome.
 */
type World = {
  __besideCapturePage?: (options: unknown) => unknown;
  __besideCaptureOptions?: unknown;
  __besideCaptureBundle?: string;
};
type Injection = { target: unknown; func?: (...args: unknown[]) => unknown; args?: unknown[]; files?: string[] };

const context = (options: unknown) => ({
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
  title: `Acme, read with ${JSON.stringify(options)}`,
  site: 'salesforce-lightning',
  kind: 'record',
  markdown: '# Acme',
  capturedAt: new Date(0).toISOString(),
});

const world = globalThis as World;
let asked: Injection[];
let articlePage = false;
let readerLoaded = false;
/** A site script the page's markup asks for whatever its address (GitHub's issue viewer on another host). */
let markupWants: string | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  articlePage = false;
  readerLoaded = false;
  markupWants = undefined;
  // Chrome runs `func` in the page's isolated world, and a file as the script it is; both share that world's globals.
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: Injection) => {
    asked.push(injection);
    if (injection.func) return [{ frameId: 0, documentId: 'page', result: injection.func(...(injection.args ?? [])) }];
    const script = injection.files?.[0]?.match(/^\/capture(?:-(\w+))?\.js$/);
    if (script) {
      const bundle = script[1] ?? 'generic';
      // A script asks for the one the markup wants; on an article page it first asks for the reader.
      world.__besideCapturePage = (options) =>
        markupWants && markupWants !== bundle
          ? { needs: 'site-script', bundle: markupWants }
          : articlePage && !readerLoaded
            ? needsArticleReader
            : context(options);
      world.__besideCaptureBundle = bundle;
      return [{ frameId: 0, documentId: 'page', result: world.__besideCapturePage(world.__besideCaptureOptions) }];
    }
    if (injection.files?.includes('/article-reader.js')) readerLoaded = true;
    return [{ frameId: 0, documentId: 'page', result: undefined }];
  }) as never);
});
afterEach(() => {
  delete world.__besideCapturePage;
  delete world.__besideCaptureOptions;
  delete world.__besideCaptureBundle;
  vi.restoreAllMocks();
});

const tab = { id: 7, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view' } as never;
const articleTab = { id: 7, url: 'https://help.example.com/articles/reset-your-password' } as never;
const allowed = { policy: Promise.resolve(() => undefined), options: { tokenBudget: 1_234 } };

describe('captureTab round trips', () => {
  it('reads a page for the first time in two: one call that leaves the options, then the site’s script', async () => {
    const page = await captureTab(tab, allowed);

    expect(page.title).toBe('Acme, read with {"tokenBudget":1234}');
    expect(asked.map((injection) => (injection.files ? 'file' : 'call'))).toEqual(['call', 'file']);
    expect(asked[1]?.files).toEqual(['/capture-salesforce.js']);
    expect(asked[0]?.args?.[1]).toBe('salesforce');
  });

  it('reads any other page with the generic script', async () => {
    await captureTab(articleTab, allowed);

    expect(asked.map((injection) => injection.files?.[0] ?? 'call')).toEqual(['call', '/capture.js']);
  });

  it('loads the article reader only when the page asks for it, then reads the page in one more call', async () => {
    articlePage = true;

    const page = await captureTab(articleTab, allowed);

    expect(page.title).toBe('Acme, read with {"tokenBudget":1234}');
    expect(asked.map((injection) => injection.files?.[0] ?? 'call')).toEqual([
      'call',
      '/capture.js',
      '/article-reader.js',
      'call',
    ]);
  });

  it('reads it again in one call to the capture an earlier injection left in the page', async () => {
    await captureTab(tab, allowed);
    asked = [];

    const page = await captureTab(tab, { ...allowed, options: { tokenBudget: 99 } });

    expect(page.title).toBe('Acme, read with {"tokenBudget":99}');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.files).toBeUndefined();
  });

  it('injects the site script the page’s address wants when the one left in the page is another’s', async () => {
    await captureTab(articleTab, allowed);
    asked = [];

    // The same document, moved on (a single-page app's navigation) to an address a site script reads.
    await captureTab({ id: 7, url: 'https://acme.zendesk.com/agent/tickets/4821' } as never, allowed);

    expect(asked.map((injection) => injection.files?.[0] ?? 'call')).toEqual(['call', '/capture-zendesk.js']);
  });

  it('injects the site script the page’s markup asks for, then reads the page with it', async () => {
    markupWants = 'github';

    const page = await captureTab({ id: 7, url: 'https://git.acme.internal/platform/app/issues/56' } as never, allowed);

    expect(page.title).toBe('Acme, read with {"tokenBudget":1234}');
    expect(asked.map((injection) => injection.files?.[0] ?? 'call')).toEqual([
      'call',
      '/capture.js',
      'call',
      '/capture-github.js',
    ]);
  });
});
