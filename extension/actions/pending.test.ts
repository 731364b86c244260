import { describe, expect, it } from 'vitest';
import { PageContext } from '../../shared/page-context';
import { isForThisPanel, PENDING_MAX_AGE_MS, pendingFromMenuClick, selectionPage, unsupportedReason } from './pending';

const tab = { id: 7, windowId: 3, url: 'https://docs.example.com/guide', title: 'The guide' };
const now = 1_800_000_000_000;

describe('pending actions from the context menu', () => {
  it('carries the selected text and the page it comes from, with no access to the page needed', () => {
    const pending = pendingFromMenuClick(
      'summarize-selection',
      { menuItemId: 'summarize-selection', selectionText: 'Some words' },
      tab,
      now,
    );
    expect(pending).toEqual({
      actionId: 'summarize-selection',
      at: now,
      tabId: 7,
      windowId: 3,
      url: 'https://docs.example.com/guide',
      title: 'The guide',
      selectionText: 'Some words',
    });
  });

  it('turns it into a page context of the selection only, valid for the worker', () => {
    const pending = pendingFromMenuClick(
      'summarize-selection',
      { menuItemId: 'x', selectionText: '  Some words ' },
      tab,
      now,
    );
    const page = selectionPage(pending)!;
    expect(PageContext.parse(page)).toEqual(page);
    expect(page.selection).toEqual({ text: 'Some words' });
    expect(page.markdown).toBe('');
    expect(page.title).toBe('The guide');
    expect(selectionPage({ ...pending, selectionText: '   ' })).toBeUndefined();
  });

  it.each([
    ['chrome://settings/', undefined, /browser pages/],
    ['chrome-extension://abc/options.html', undefined, /browser pages/],
    [undefined, undefined, /browser pages/],
    ['https://example.com/report.pdf', undefined, /PDF viewer/],
    ['https://example.com/doc', 'chrome-extension://mhjfbmdgcfjhbdaeoaph/index.html', /PDF viewer/],
  ])('says it cannot work on %s', (url, frameUrl, reason) => {
    expect(unsupportedReason(url, frameUrl)).toMatch(reason);
    const pending = pendingFromMenuClick(
      'summarize-selection',
      { menuItemId: 'x', selectionText: 'a', ...(frameUrl ? { frameUrl } : {}) },
      url ? { url } : undefined,
      now,
    );
    expect(pending.unsupported).toMatch(reason);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8080/page.html', 'file:///home/me/notes.html'])(
    'works on %s',
    (url) => {
      expect(unsupportedReason(url)).toBeUndefined();
    },
  );

  it('is picked up only while fresh, well formed and in the same window', () => {
    const pending = pendingFromMenuClick('summarize-selection', { menuItemId: 'x', selectionText: 'a' }, tab, now);
    expect(isForThisPanel(pending, 3, now + 1_000)).toBe(true);
    expect(isForThisPanel(pending, undefined, now)).toBe(true);
    expect(isForThisPanel(pending, 4, now)).toBe(false);
    expect(isForThisPanel(pending, 3, now + PENDING_MAX_AGE_MS + 1)).toBe(false);
    expect(isForThisPanel({ ...pending, actionId: 'format-disk' }, 3, now)).toBe(false);
    expect(isForThisPanel(null, 3, now)).toBe(false);
  });
});
