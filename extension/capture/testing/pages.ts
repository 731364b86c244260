/** Test helpers: parse saved pages with linkedom and give them the URL they were saved from. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

const here = dirname(fileURLToPath(import.meta.url));
export const fixturesDirectory = resolve(here, '../../../test/fixtures/pages');
export const sharedPagesDirectory = resolve(here, '../../../../shared/data/pages');

/**
 * Chromium's parser turns `<template shadowrootmode="open">` into a shadow root of its parent, as Lightning's
 * server-rendered components arrive; linkedom keeps it a template. This does what the browser does, nested
 * templates included, so unit tests see the same trees as the e2e and bench runs.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || (mode !== 'open' && mode !== 'closed') || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode });
    for (const child of Array.from((template as HTMLTemplateElement).content.childNodes)) shadow.appendChild(child);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** A linkedom document with `location` set, as capture reads it in the page. */
export function parsePage(html: string, url: string): Document {
  const { document } = parseHTML(html);
  attachDeclarativeShadowRoots(document as unknown as Document);
  Object.defineProperty(document, 'location', { value: new URL(url), configurable: true });
  return document as unknown as Document;
}

/** The URL a saved page records in its first-line comment (`<!--{"url":"…"}-->`, defuddle's convention). */
export function savedUrl(html: string): string | undefined {
  const comment = html.match(/^\s*<!--\s*(\{[\s\S]*?\})\s*-->/);
  if (!comment?.[1]) return undefined;
  return (JSON.parse(comment[1]) as { url?: string }).url;
}

export function loadPage(path: string, fallbackUrl = 'https://example.com/'): Document {
  const html = readFileSync(path, 'utf8');
  return parsePage(html, savedUrl(html) ?? fallbackUrl);
}

export function loadFixture(name: string): Document {
  return loadPage(join(fixturesDirectory, `${name}.html`));
}

export interface ExpectedCapture {
  site: string;
  kind: string;
  /**
   * Why the page can only be read right with a layout engine (CSS that separates adjacent inline text, visibility
   * inherited through a slot): it is checked in Chromium (test/e2e/fixtures.e2e.test.ts), not under linkedom.
   */
  layoutOnly?: string;
  describe?: string;
  objectType?: string;
  id?: string;
  name?: string;
  /** Label → value pairs that must be captured exactly. */
  fields?: Record<string, string>;
  /** Related list name → count. */
  related?: Record<string, number>;
  activity?: number;
  subject?: string;
  messages?: number;
  internal?: number;
  authors?: string[];
  /** Text that must appear in the Markdown, and text (hidden, stale, chrome) that must not. */
  mustContain?: string[];
  mustNotContain?: string[];
  /**
   * What a person sees on the page, written from the page's content (never from capture's output): field facts
   * ("Stage: Nurturing"), message facts (a phrase of each message, "↳ alice replying to bob"), and hidden markers.
   */
  facts?: { fields?: string[]; messages?: string[]; hidden?: string[] };
  /**
   * Facts of `facts` known not to reach the prompt yet, each with the reason: the tests fail on any other missing
   * fact, and the bench counts these against recall.
   */
  knownMissing?: { fact: string; why: string }[];
}

export function loadExpected(name: string): ExpectedCapture {
  return JSON.parse(readFileSync(join(fixturesDirectory, `${name}.expected.json`), 'utf8')) as ExpectedCapture;
}

/** Reads from ../shared/data/pages; fails with a clear message when the shared data folder is absent. */
export function sharedPage(relativePath: string): string {
  const path = join(sharedPagesDirectory, relativePath);
  if (!existsSync(path)) {
    throw new Error(
      `Shared evaluation data missing: ${path} (see /work/shared/data/README.md; tests read it in place)`,
    );
  }
  return path;
}
