import type { UIMessage } from 'ai';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { CitedSource } from '../../shared/knowledge';
import { CitedText } from './Citations';
import { citedAndSearched, citedLabels, headingBeyondTitle, linkCitations, sourcesOf } from './citation-sources';
import { renderSettled } from './testing/render-settled';

const knowledge: CitedSource = {
  label: '1',
  kind: 'knowledge',
  title: 'Refund policy',
  url: 'https://help.example.com/refunds',
  space: 'support',
  heading: 'Annual plans',
  text: 'Annual plans are refundable within 30 days.',
};
const page: CitedSource = {
  label: 'P',
  kind: 'page',
  title: 'Ticket 4821',
  url: 'https://desk.example.com/4821',
  text: 'Customer asks…',
};

const message = (parts: unknown[]): UIMessage => ({ id: 'm', role: 'assistant', parts: parts as UIMessage['parts'] });

describe('sourcesOf', () => {
  it('reads source parts and search_knowledge results, ignoring anything malformed', () => {
    const sources = sourcesOf(
      message([
        { type: 'source-url', sourceId: 'page-P', url: page.url, providerMetadata: { beside: page } },
        {
          type: 'source-document',
          sourceId: 'k-1',
          mediaType: 'text/markdown',
          title: 'x',
          providerMetadata: { beside: knowledge },
        },
        { type: 'source-url', sourceId: 'other', url: 'https://x', providerMetadata: { beside: { label: 'nope' } } },
        {
          type: 'tool-search_knowledge',
          toolCallId: 't',
          state: 'output-available',
          input: { query: 'sso' },
          output: { passages: [{ ...knowledge, label: '2', title: 'SSO' }] },
        },
        { type: 'text', text: 'Answer [1][2][P]' },
      ]),
    );
    expect([...sources.keys()]).toEqual(['P', '1', '2']);
    expect(sources.get('2')?.title).toBe('SSO');
  });
});

describe('linkCitations', () => {
  const sources = new Map([
    ['1', knowledge],
    ['P', page],
  ]);

  it('links only citations that match a source, outside code', () => {
    const text = 'Refunds take 30 days [1][P]. Made up [7]. See `[1]` and [1](https://x).\n\n```\n[P]\n```';
    expect(linkCitations(text, sources)).toBe(
      'Refunds take 30 days [\\[1\\]](#cite-1)[\\[P\\]](#cite-P). Made up [7]. See `[1]` and [1](https://x).\n\n```\n[P]\n```',
    );
    expect(citedLabels(text, sources)).toEqual(['1', 'P']);
  });

  it('renders known citations as badges that open their passage’s popover, unknown ones as text', async () => {
    const html = await renderSettled(
      createElement(CitedText, { text: 'Yes [1], per the ticket [P], not [3].', sources }),
    );
    expect(html).toContain('<button type="button" class="citation citation--knowledge"');
    expect(html).toContain('company knowledge');
    expect(html).toContain('this page');
    // Each badge names the popover it opens; the passage itself is rendered when the popover opens.
    const targets = [...html.matchAll(/popovertarget="([^"]+)"/gi)].map((match) => match[1]);
    expect(targets).toHaveLength(2);
    for (const target of targets) expect(html).toContain(`id="${target}" popover="auto"`);
    expect(html).toContain('not [3].');
    expect(html).not.toContain('#cite-3');
  });
});

describe('headingBeyondTitle', () => {
  it('drops the title the heading path starts with', () => {
    expect(headingBeyondTitle('Pricing FAQ', 'Pricing FAQ › Discounts')).toBe('Discounts');
    expect(headingBeyondTitle('Pricing FAQ', 'pricing faq › Discounts › Multi-year')).toBe('Discounts › Multi-year');
  });
  it('says nothing when the path only repeats the title, and keeps a path that does not start with it', () => {
    expect(headingBeyondTitle('Pricing FAQ', 'Pricing FAQ')).toBeUndefined();
    expect(headingBeyondTitle('Pricing FAQ', undefined)).toBeUndefined();
    expect(headingBeyondTitle('Pricing FAQ', 'Refunds › Pricing FAQ')).toBe('Refunds › Pricing FAQ');
  });
});

describe('citedAndSearched', () => {
  it('lists cited sources in order of first citation and folds the rest away', () => {
    const source = (label: string) =>
      ({ label, kind: label === 'P' ? 'page' : 'knowledge', title: `T${label}` }) as unknown as CitedSource;
    const sources = new Map(['P', '1', '2', '3'].map((label) => [label, source(label)]));
    const { cited, searched } = citedAndSearched('See [2] and [P], again [2]; [9] is made up.', sources);
    expect(cited.map((item) => item.label)).toEqual(['2', 'P']);
    expect(searched.map((item) => item.label)).toEqual(['1', '3']);
  });
});
