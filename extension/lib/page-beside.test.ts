import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { createPageBeside, type PageRead } from './page-beside';

/** A read the test ends when it wants, as the browser would answer. */
function controlledReads() {
  const pending: { finish: (result: PageRead) => void }[] = [];
  const read = () => new Promise<PageRead>((finish) => pending.push({ finish }));
  return { read, pending };
}

const page = (title: string): PageContext => ({
  url: `https://example.com/${encodeURIComponent(title)}`,
  title,
  site: 'generic',
  kind: 'article',
  markdown: title,
  capturedAt: '2026-12-02T09:00:00.000Z',
});
const ready = (title: string): PageRead => ({ status: 'ready', page: page(title), target: { tabId: 1, url: 'x' } });

describe('the page beside the panel, read before the interface loads', () => {
  it('is being read until the first read ends, then shows its result to an interface that subscribes only later', async () => {
    const { read, pending } = controlledReads();
    const beside = createPageBeside(read);
    const first = beside.refresh();
    expect(beside.snapshot()).toEqual({ status: 'capturing' });
    pending[0]?.finish(ready('Opportunity'));
    await first;
    // The interface's first render reads this: the chip is there at once, with no "reading" state in between.
    expect(beside.snapshot()).toEqual(ready('Opportunity'));
    const changes: string[] = [];
    beside.subscribe(() => changes.push(beside.snapshot().status));
    expect(changes).toEqual([]);
  });

  it('keeps the answer of the latest read when an earlier one (the tab before a switch) ends after it', async () => {
    const { read, pending } = controlledReads();
    const beside = createPageBeside(read);
    const before = beside.refresh();
    const after = beside.refresh();
    pending[1]?.finish(ready('Tab switched to'));
    await after;
    pending[0]?.finish(ready('Tab switched from'));
    await before;
    expect(beside.snapshot()).toEqual(ready('Tab switched to'));
  });

  it('tells subscribers each change: reading again, then the new answer, with the same snapshot in between', async () => {
    const { read, pending } = controlledReads();
    const beside = createPageBeside(read);
    const opening = beside.refresh();
    pending[0]?.finish(ready('First'));
    await opening;
    const seen: string[] = [];
    beside.subscribe(() => seen.push(beside.snapshot().status));
    const again = beside.refresh();
    expect(beside.snapshot()).toBe(beside.snapshot());
    pending[1]?.finish({ status: 'blocked', message: 'Your organisation does not allow Beside to read this site' });
    await again;
    expect(seen).toEqual(['capturing', 'blocked']);
  });

  it('lets the person leave a read page out and share it again, and nothing else', async () => {
    const { read, pending } = controlledReads();
    const beside = createPageBeside(read);
    beside.remove();
    expect(beside.snapshot().status).toBe('capturing');
    const opening = beside.refresh();
    pending[0]?.finish(ready('Ticket'));
    await opening;
    beside.remove();
    expect(beside.snapshot()).toEqual({ ...ready('Ticket'), status: 'removed' });
    beside.restore();
    expect(beside.snapshot()).toEqual(ready('Ticket'));
  });

  it('stops telling a subscriber that unsubscribed', async () => {
    const { read, pending } = controlledReads();
    const beside = createPageBeside(read);
    let calls = 0;
    const stop = beside.subscribe(() => calls++);
    const opening = beside.refresh();
    pending[0]?.finish(ready('Page'));
    await opening;
    expect(calls).toBe(1);
    stop();
    beside.remove();
    expect(calls).toBe(1);
  });
});
