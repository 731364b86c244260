import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFor } from '../locales/catalog';

/**
 * Unit tests run outside a browser: give them `chrome.i18n` over the English locale file, so a module's
 * words are the real ones (and a missing key shows as an empty string in the assertion, not a crash).
 */
const getMessage = getMessageFor('en');
const i18n = { getMessage, getUILanguage: () => 'en' };
Object.assign(fakeBrowser.i18n, i18n);
const global = globalThis as { chrome?: { i18n?: unknown } };
global.chrome ??= {};
global.chrome.i18n ??= i18n;
