import type { UIMessage } from 'ai';
import { CitedSource, SearchKnowledgeOutput } from '../../shared/knowledge';
import { t } from '../lib/i18n';

/**
 * Citations in an answer: which sources the worker actually sent with it (source parts carrying `beside`
 * metadata, and the passages returned by the search_knowledge tool), and the answer text with `[n]` / `[P]`
 * turned into citation links only when such a source exists. A number the model made up stays plain text.
 */

export type Sources = Map<string, CitedSource>;

export function sourcesOf(message: UIMessage): Sources {
  const sources: Sources = new Map();
  for (const part of message.parts) {
    if (part.type === 'source-url' || part.type === 'source-document') {
      const parsed = CitedSource.safeParse(part.providerMetadata?.beside);
      if (parsed.success) sources.set(parsed.data.label, parsed.data);
    } else if (part.type === 'tool-search_knowledge' && 'state' in part && part.state === 'output-available') {
      const parsed = SearchKnowledgeOutput.safeParse(part.output);
      if (parsed.success) for (const passage of parsed.data.passages) sources.set(passage.label, passage);
    }
  }
  return sources;
}

export const CITATION_HREF = '#cite-';

/** `[1]`, `[P]` not already a link (`[1](…)`) nor a reference definition (`[1]:`). */
const CITATION = /\[(P|\d{1,3})\](?![(:])/g;

/** Rewrites known citations into links `[[1]](#cite-1)`, leaving code spans and fenced code untouched. */
export function linkCitations(text: string, sources: Sources): string {
  if (sources.size === 0) return text;
  return text
    .split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g)
    .map((segment, index) =>
      index % 2 === 1
        ? segment
        : segment.replace(CITATION, (match, label: string) =>
            sources.has(label) ? `[\\[${label}\\]](${CITATION_HREF}${label})` : match,
          ),
    )
    .join('');
}

/** Labels cited in the text, in order of first appearance, that match a source. */
export function citedLabels(text: string, sources: Sources): string[] {
  const labels: string[] = [];
  for (const match of text.matchAll(CITATION)) {
    const label = match[1] as string;
    if (sources.has(label) && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

export function kindLabel(source: CitedSource): string {
  return source.kind === 'page' ? t('sources.thisPage') : t('sources.companyKnowledge');
}

/** Heading paths are joined with this, as the worker's chunker writes them. */
const HEADING_SEPARATOR = ' › ';

/**
 * The part of a passage's heading path that says more than its title: "Pricing FAQ › Discounts" under the title
 * "Pricing FAQ" is just "Discounts"; a path that only repeats the title says nothing.
 */
export function headingBeyondTitle(title: string, heading: string | undefined): string | undefined {
  if (!heading) return undefined;
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const parts = heading.split(HEADING_SEPARATOR);
  while (parts.length > 0 && same(parts[0] as string, title)) parts.shift();
  return parts.length > 0 ? parts.join(HEADING_SEPARATOR) : undefined;
}

/** The sources an answer cited, in order of first citation, and the others it searched but did not use. */
export function citedAndSearched(text: string, sources: Sources): { cited: CitedSource[]; searched: CitedSource[] } {
  const labels = citedLabels(text, sources);
  return {
    cited: labels.map((label) => sources.get(label) as CitedSource),
    searched: [...sources.values()].filter((source) => !labels.includes(source.label)),
  };
}
