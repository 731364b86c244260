import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/**
 * The scripts the panel injects: capture (every site script at once, routed as the panel routes a page; see
 * capture/registry.ts), and the article reader it asks for on article pages.
 */
export const pageScripts = {
  capture: `import { capturePage } from './extension/capture/registry';\nglobalThis.__besideCapture = capturePage;`,
  reader: `import { Readability } from '@mozilla/readability';\nimport { installArticleReader } from './extension/capture/article-reader';\nimport { visibleClone } from './extension/capture/dom/visible-clone';\ninstallArticleReader({ Readability, visibleClone });`,
} as const;

/**
 * `contents` (imports resolved from the project root) bundled into one script a page runs, as the panel's
 * injected scripts are: tests and the bench run the capture code from source, without building the extension.
 */
export async function bundleForPage(contents: string, { minify = false } = {}): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    minify,
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
