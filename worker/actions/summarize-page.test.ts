import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../shared/page-context';
import { instructionsSent } from '../testing/actions';

const page: PageContext = {
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export to CSV fails',
  site: 'zendesk',
  kind: 'ticket',
  markdown: '# Ticket #4821: Export to CSV fails\nWHOLE-PAGE-7a1',
  capturedAt: '2026-11-21T10:00:00.000Z',
};

describe('summarize-page', () => {
  it('sends the whole page and a summary task shaped by page kind', async () => {
    const system = await instructionsSent('summarize-page', { page });
    expect(system).toContain('WHOLE-PAGE-7a1');
    expect(system).toContain('who owes the next move');
  });

  it('never searches company knowledge (the summary is about the page)', async () => {
    const system = await instructionsSent('summarize-page', { page });
    expect(system).not.toContain('No company knowledge was found');
  });

  it('writes in the chosen language', async () => {
    const system = await instructionsSent('summarize-page', { page, options: { language: 'French' } });
    expect(system).toContain('Language: write in French.');
  });
});
