import type { UIMessageChunk } from 'ai';
import { type CitedSource, PAGE_SOURCE_LABEL, type SearchResult } from '../../shared/knowledge';
import type { PageContext } from '../../shared/page-context';

/** A retrieved passage with the number the answer cites it by. */
export interface RetrievedSource extends SearchResult {
  /** "1", "2", …: unique within one answer. */
  label: string;
}

/** What the panel needs to render a citation (shared/knowledge.ts CitedSource). */
export function citedSource(source: RetrievedSource): CitedSource {
  return {
    label: source.label,
    kind: 'knowledge',
    title: source.title,
    url: source.url,
    space: source.space,
    heading: source.heading,
    text: source.text,
    documentId: source.documentId,
  };
}

/**
 * AI SDK source parts for the stream: `source-url` when the document has a URL, `source-document`
 * otherwise. The `beside` provider metadata carries the label, kind and passage the panel shows.
 */
export function sourceChunk(cited: CitedSource): UIMessageChunk {
  const providerMetadata = { beside: { ...cited } };
  const sourceId = `${cited.kind}-${cited.label}`;
  return cited.url
    ? { type: 'source-url', sourceId, url: cited.url, title: cited.title, providerMetadata }
    : { type: 'source-document', sourceId, mediaType: 'text/markdown', title: cited.title, providerMetadata };
}

const PAGE_EXCERPT_CHARS = 400;

/** The page the person is looking at, citable as [P]. */
export function pageSource(page: PageContext): CitedSource {
  const excerpt = (page.selection?.text ?? page.markdown).slice(0, PAGE_EXCERPT_CHARS);
  return {
    label: PAGE_SOURCE_LABEL,
    kind: 'page',
    title: page.title || page.url,
    url: page.url,
    text: excerpt,
  };
}
