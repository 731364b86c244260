import type { ReactElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';

/**
 * An element rendered to HTML once everything it loads lazily (the Markdown renderer) has loaded, as the panel
 * shows it after its first moments. `renderToStaticMarkup` would give what shows while it loads.
 */
export async function renderSettled(element: ReactElement): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude) html += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return html;
}
