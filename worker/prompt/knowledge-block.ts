import type { SearchKnowledgeOutput } from '../../shared/knowledge';
import { block, promptText } from './untrusted';

/** What a prompt shows of a passage: retrieved sources and cited ones (search_knowledge results) alike. */
export interface KnowledgePassage {
  label: string;
  title: string;
  heading?: string | undefined;
  space?: string | undefined;
  url?: string | null | undefined;
  text: string;
}

/**
 * Numbered passages as one `<knowledge>` block. The number is ours; title, section, space, URL and text come
 * from documents anyone with upload rights wrote, so they are escaped lines inside the passage (untrusted.ts).
 */
export function renderKnowledgeBlock(passages: readonly KnowledgePassage[]): string {
  if (passages.length === 0) return '';
  const rendered = passages.map((passage) =>
    block('passage', {
      attributes: { n: Number(passage.label) },
      fields: [
        { label: 'title', value: passage.title, maxLength: 300 },
        { label: 'section', value: passage.heading ?? '', maxLength: 300 },
        { label: 'space', value: passage.space ?? '', maxLength: 100 },
        { label: 'url', value: passage.url ?? '', maxLength: 1_000 },
      ],
      body: passage.text,
    }),
  );
  return promptText(block('knowledge', { body: rendered }));
}

/**
 * A search_knowledge result as the model reads it: the notice (our words) and the passages in the same
 * escaped block as the system prompt's, so a document cannot forge a block through a tool result either.
 */
export function renderSearchResult(output: SearchKnowledgeOutput): string {
  return [output.notice ?? '', renderKnowledgeBlock(output.passages)].filter(Boolean).join('\n\n');
}
