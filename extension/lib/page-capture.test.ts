import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { needsArticleReader } from '../capture/article-reader';
import { fakeBrowser } from '../testing/fake-browser';
import { captureTab } from './page-capture';

/**
 * The panel waits on every round trip to the page before it can show the chip. These tests play the page's
 * isolated world (where an earlier injection leaves the capture) and count what the panel asks of Chrome.
 */
type World = { __besideCapturePage?: (options: unknown) => unknown; __besideCaptureOptions?: unknown };
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

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  articlePage = false;
  readerLoaded = false;
  // Chrome runs `func` in the page's isolated world, and a file as the script it is; both share that world's globals.
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: Injection) => {
    asked.push(injection);
    if (injection.func) return [{ frameId: 0, documentId: 'page', result: injection.func(...(injection.args ?? [])) }];
    if (injection.files?.includes('/capture.js')) {
      // On an article page the capture first asks for the reader; with it loaded, it reads the page.
      world.__besideCapturePage = (options) => (articlePage && !readerLoaded ? needsArticleReader : context(options));
      return [{ frameId: 0, documentId: 'page', result: world.__besideCapturePage(world.__besideCaptureOptions) }];
    }
    if (injection.files?.includes('/article-reader.js')) readerLoaded = true;
    return [{ frameId: 0, documentId: 'page', result: undefined }];
  }) as never);
});
afterEach(() => {
  delete world.__besideCapturePage;
  delete world.__besideCaptureOptions;
  vi.restoreAllMocks();
});

const tab = { id: 7, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view' } as never;
const allowed = { policy: Promise.resolve(() => undefined), options: { tokenBudget: 1_234 } };

describe('captureTab round trips', () => {
  it('reads a page for the first time in two: one call that leaves the options, then the script', async () => {
    const page = await captureTab(tab, allowed);

    expect(page.title).toBe('Acme, read with {"tokenBudget":1234}');
    expect(asked.map((injection) => (injection.files ? 'file' : 'call'))).toEqual(['call', 'file']);
    expect(asked[1]?.files).toEqual(['/capture.js']);
  });

  it('loads the article reader only when the page asks for it, then reads the page in one more call', async () => {
    articlePage = true;

    const page = await captureTab(tab, allowed);

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
});
