import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Unit tests of modules that use `wxt/browser` or `wxt/utils/storage`: import this first, so the in-memory browser
 * (storage.local/session/managed with change events) is what those modules find as `chrome`.
 */
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

export { fakeBrowser };
