import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genericExtractorIds } from './capture-page';
import { extractors, extractorsByBundle } from './registry';
import { siteBundleIds } from './site-bundles';

const here = dirname(fileURLToPath(import.meta.url));

describe('registry', () => {
  it('wires every site file exactly once, with a test beside it, and ends with the generic fallbacks', () => {
    const siteFiles = readdirSync(join(here, 'sites')).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    const ids = extractors.map((extractor) => extractor.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const file of siteFiles) expect(ids).toContain(file.replace(/\.ts$/, ''));
    expect(ids.slice(-2)).toEqual(['article', 'generic']);
    expect([...genericExtractorIds]).toEqual(['article', 'generic']);
    const tests = readdirSync(join(here, 'sites')).filter((file) => file.endsWith('.test.ts'));
    const tested = tests.join(' ');
    for (const file of siteFiles) {
      const id = file.replace(/\.ts$/, '');
      expect(tested.includes(id) || tests.includes('small-sites.test.ts'), id).toBe(true);
    }
  });

  it('gives every site script the extractors the registry lists for it, in the same order', async () => {
    const { readFileSync } = await import('node:fs');
    const entrypoints = join(here, '../entrypoints');
    const scripts = readdirSync(entrypoints).filter((file) => /^capture-.*\.ts$/.test(file));
    expect(scripts.sort()).toEqual(siteBundleIds.map((bundle) => `capture-${bundle}.ts`).sort());
    for (const bundle of siteBundleIds) {
      const source = readFileSync(join(entrypoints, `capture-${bundle}.ts`), 'utf8');
      const fileOf = new Map(
        [...source.matchAll(/import \{ (\w+) \} from '\.\.\/capture\/sites\/([\w-]+)'/g)].map(([, name, file]) => [
          name,
          file,
        ]),
      );
      const [, named, list] = source.match(/defineCaptureScript\('([\w-]+)', \[([^\]]*)\]\)/) ?? [];
      expect(named, bundle).toBe(bundle);
      const carried = (list ?? '').split(',').map((name) => fileOf.get(name.trim()));
      expect(carried, bundle).toEqual(extractorsByBundle[bundle].map((extractor) => extractor.id));
    }
    // The generic script carries no site.
    expect(readFileSync(join(entrypoints, 'capture.ts'), 'utf8')).toContain('defineCaptureScript(undefined, [])');
  });

  it('makes every extractor query through the shadow-aware walker, never the light DOM directly', async () => {
    const { readFileSync } = await import('node:fs');
    // Lightning renders values inside shadow roots: a light-DOM query silently misses them (see dom/walk.ts).
    const lightDomQuery = /\.(querySelector|querySelectorAll|closest|getElementsBy\w+|getElementById)\s*\(/;
    const files = [
      ...readdirSync(join(here, 'sites'))
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
        .map((name) => join('sites', name)),
      'readability.ts',
      'visible-text.ts',
      'remaining-text.ts',
      'capture-page.ts',
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const offending = readFileSync(join(here, file), 'utf8')
        .split('\n')
        .filter((line) => lightDomQuery.test(line) && !line.trim().startsWith('*') && !line.trim().startsWith('//'));
      expect(offending, file).toEqual([]);
    }
  });

  it('keeps site extractors independent: no site file imports another', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of readdirSync(join(here, 'sites')).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    )) {
      expect(readFileSync(join(here, 'sites', file), 'utf8'), file).not.toMatch(/from '\.\/(?!.*\.test)/);
    }
  });
});
