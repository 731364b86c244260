import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, type ParsedMessage, parseMessagesText } from '@wxt-dev/i18n/build';

/** The languages Beside speaks; English is the manifest's default_locale. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Node-side reader of a locale file (tests and tools only; the extension reads the built _locales). */
export function readCatalog(language: Language): ParsedMessage[] {
  const file = fileURLToPath(new URL(`./${language}.yml`, import.meta.url));
  // Chrome's own keys (@@ui_locale…) are added by the parser to every file; they are not ours.
  return parseMessagesText(readFileSync(file, 'utf8'), 'YAML').filter((message) => !message.key[0]?.startsWith('@@'));
}

export const keyOf = (message: ParsedMessage): string => message.key.join('.');

/**
 * `chrome.i18n.getMessage` over a locale file, as Chrome resolves it: message names with `_` for `.`, positional
 * `$1`…`$9` substitutions and `$$` for a dollar sign. Unit tests install it so modules speak real words.
 */
export function getMessageFor(language: Language): (name: string, substitutions?: string | string[]) => string {
  const messages = generateChromeMessages(readCatalog(language));
  return (name, substitutions) => {
    const message = messages[name]?.message;
    if (message === undefined) return '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (values[Number(which) - 1] ?? ''),
    );
  };
}
