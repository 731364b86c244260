import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Citation } from './Citations';
import { CITATION_HREF, linkCitations, type Sources } from './citation-sources';
import { rehypeImagesAsLinks } from './rehype-images-as-links';

/**
 * Model output rendered as Markdown. react-markdown never renders raw HTML (it is shown as text) and drops
 * javascript: URLs; images are never loaded (rehypeImagesAsLinks); links open in a new tab without access to this
 * page. Citations ([1], [P]) that match a source sent with the answer become citation markers; any other
 * bracketed number stays plain text.
 */
function componentsFor(sources: Sources | undefined): Components {
  return {
    a: ({ href, title, className, children }) => {
      const label = href?.startsWith(CITATION_HREF) ? href.slice(CITATION_HREF.length) : undefined;
      const source = label ? sources?.get(label) : undefined;
      if (source) return <Citation source={source} />;
      return (
        <a href={href} title={title} className={className} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    },
    // Unreachable after rehypeImagesAsLinks; kept so a future plugin can never bring an <img> back.
    img: ({ alt }) => <span className="markdown__image">{alt || 'image'}</span>,
  };
}

export function Markdown({ text, sources }: { text: string; sources?: Sources }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeImagesAsLinks]}
        components={componentsFor(sources)}
      >
        {sources ? linkCitations(text, sources) : text}
      </ReactMarkdown>
    </div>
  );
}
