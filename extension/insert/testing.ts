/** Test helpers: reply-editor pages parsed with linkedom (no layout, no scripts: the selectors alone are tested). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';

const root = resolve(import.meta.dirname, '../../test');

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A saved page from test/e2e/fixtures (the pages the e2e test inserts into) or test/fixtures/pages. */
export function loadEditorPage(name: string): Document {
  for (const folder of ['e2e/fixtures', 'fixtures/pages']) {
    try {
      return parse(readFileSync(resolve(root, folder, `${name}.html`), 'utf8'));
    } catch {
      // try the next folder
    }
  }
  throw new Error(`No fixture page named ${name}`);
}

/** Counts the events of `type` that reach `target`, as the app's own listeners would see them. */
export function countEvents(target: EventTarget, type: string): () => number {
  let count = 0;
  target.addEventListener(type, () => {
    count += 1;
  });
  return () => count;
}
