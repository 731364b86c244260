import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CitationBadge } from './Citations';
import { CITATION_HREF, linkCitations, type Sources } from './citation-sources';
import { rehypeImagesAsLinks } from './rehype-images-as-links';

/**
 * Model output rendered as Markdown. react-markdown never renders raw HTML (it is shown as text) and drops
 * javascript: URLs; images are never loaded (rehypeImagesAsLinks); links open in a new tab without access to this
 * page. Citations ([1], [P]) that match a source sent with the answer become inline citation badges; any other
 * bracketed number stays plain text. The components are one constant, so React keeps the same badges (and what
 * they have open) while the answer streams and the tree is rebuilt.
 */
const components: Components = {
  a: ({ href, title, className, children }) => {
    if (href?.startsWith(CITATION_HREF)) return <CitationBadge label={href.slice(CITATION_HREF.length)} />;
    return (
      <a href={href} title={title} className={className} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  },
  // Unreachable after rehypeImagesAsLinks; kept so a future plugin can never bring an <img> back.
  img: ({ alt }) => <span className="markdown__image">{alt || 'image'}</span>,
};

export function MarkdownRenderer({ text, sources }: { text: string; sources?: Sources }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeImagesAsLinks]} components={components}>
        {sources ? linkCitations(text, sources) : text}
      </ReactMarkdown>
    </div>
  );
}
