import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { getMessageFor, keyOf, LANGUAGES, readCatalog } from './catalog';

const root = fileURLToPath(new URL('../..', import.meta.url));
const catalogs = Object.fromEntries(LANGUAGES.map((language) => [language, readCatalog(language)])) as Record<
  (typeof LANGUAGES)[number],
  ParsedMessage[]
>;
const keys = (language: (typeof LANGUAGES)[number]) => new Set(catalogs[language].map(keyOf));

/** Every source file that may use a key: the extension (not its tests) and the manifest's config. */
function sources(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'locales' && name !== 'testing') walk(path);
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        found.push({ file: relative(root, path), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(join(root, 'extension'));
  found.push({ file: 'wxt.config.ts', text: readFileSync(join(root, 'wxt.config.ts'), 'utf8') });
  return found;
}

const textsOf = (message: ParsedMessage) =>
  message.type === 'plural' ? Object.values(message.plurals) : [message.message];

const placeholders = (message: ParsedMessage) => {
  const texts = textsOf(message);
  const named = new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1])));
  return { positional: message.substitutions, named: [...named].sort(), plural: message.type === 'plural' };
};

describe('locale files', () => {
  it.each(LANGUAGES)('%s has every key the other languages have', (language) => {
    const mine = keys(language);
    const missing = LANGUAGES.flatMap((other) => [...keys(other)].filter((key) => !mine.has(key)));
    expect([...new Set(missing)], `keys missing from ${language}.yml`).toEqual([]);
  });

  it('every key has the same placeholders and plural form in every language', () => {
    const english = new Map(catalogs.en.map((message) => [keyOf(message), placeholders(message)]));
    for (const language of LANGUAGES) {
      for (const message of catalogs[language]) {
        expect(placeholders(message), `${language}: ${keyOf(message)}`).toEqual(english.get(keyOf(message)));
      }
    }
  });

  it('French is translated: no sentence of three words or more is left in English', () => {
    const english = new Map(catalogs.en.map((message) => [keyOf(message), JSON.stringify(message)]));
    const untranslated = catalogs.fr
      .filter((message) => message.type !== 'chrome')
      .filter((message) => JSON.stringify(message) === english.get(keyOf(message)))
      .filter((message) => textsOf(message).some((text) => text.split(/\s+/).length >= 3))
      .map(keyOf);
    expect(untranslated).toEqual([]);
  });

  it("every key is used by the extension (as t('key') or __MSG_key__)", () => {
    const text = sources()
      .map((source) => source.text)
      .join('\n');
    const unused = [...keys('en')].filter(
      (key) => !text.includes(`'${key}'`) && !text.includes(`__MSG_${key.replaceAll('.', '_')}__`),
    );
    expect(unused).toEqual([]);
  });

  it('every key the extension asks for exists, and keys are literal strings (so the checks above see them)', () => {
    const known = keys('en');
    const asked: string[] = [];
    const dynamic: string[] = [];
    for (const { file, text } of sources()) {
      for (const match of text.matchAll(/\bt\(\s*([`'"])([^`'"]*)\1/g)) {
        if (match[1] === '`') dynamic.push(`${file}: ${match[2]}`);
        else asked.push(match[2] ?? '');
      }
      for (const match of text.matchAll(/__MSG_(\w+?)__/g)) asked.push((match[1] ?? '').replaceAll('_', '.'));
    }
    expect(dynamic).toEqual([]);
    expect(asked.filter((key) => !known.has(key))).toEqual([]);
  });

  it('Chrome resolves messages as the extension expects (nested names, positional and named placeholders)', () => {
    const french = getMessageFor('fr');
    expect(french('manifest_openBeside')).toBe('Ouvrir Beside');
    expect(getMessageFor('en')('manifest_name')).toBe('Beside');
  });
});
