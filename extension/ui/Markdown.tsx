import { lazy, Suspense } from 'react';
import type { Sources } from './citation-sources';

/**
 * The Markdown renderer (react-markdown with micromark and GFM: a third of the interface's code) is loaded once the
 * panel has shown what it read of the page, not before: opening the panel waits only for what it first shows.
 * Text that arrives before the renderer (a conversation picked up at once) shows as written until it is there.
 */
const loadRenderer = () => import('./MarkdownRenderer');
const Renderer = lazy(() => loadRenderer().then((module) => ({ default: module.MarkdownRenderer })));

/** Starts loading the renderer: called once the panel has shown the page, before any answer is asked for. */
export function preloadMarkdown(): void {
  void loadRenderer();
}

export function Markdown({ text, sources }: { text: string; sources?: Sources }) {
  return (
    <Suspense fallback={<div className="markdown markdown--as-written">{text}</div>}>
      <Renderer text={text} {...(sources ? { sources } : {})} />
    </Suspense>
  );
}
