import { tool } from 'ai';
import { z } from 'zod';
import type { SearchKnowledgeOutput } from '../../shared/knowledge';
import type { Config } from '../config';
import type { Identity } from '../context';
import type { Env } from '../env';
import { citedSource } from '../knowledge/citations';
import { knowledgeForPrompt } from '../knowledge/for-prompt';
import { renderSearchResult } from '../prompt/knowledge-block';

/** Numbers passages across one answer: a passage found twice keeps its number, new ones continue the count. */
export class CitationCounter {
  private readonly byChunk = new Map<string, string>();
  constructor(private next: number) {}
  label(chunkId: string): string {
    let label = this.byChunk.get(chunkId);
    if (!label) {
      label = String(this.next++);
      this.byChunk.set(chunkId, label);
    }
    return label;
  }
}

/**
 * `search_knowledge`: lets the model look things up in the company knowledge base when the passages it was
 * given do not cover the question (or in later turns, which get no automatic retrieval). Runs with the
 * caller's identity, so it finds only what they may read; its output is data, shown to the model as such.
 */
export function searchKnowledgeTool(options: {
  env: Env;
  config: Config;
  identity: Identity;
  counter: CitationCounter;
}) {
  return tool({
    description:
      'Search the company knowledge base (sales playbooks, pricing, competitive notes, help-center articles, policies). ' +
      'Returns numbered passages; cite them as [n]. Use a short, specific query.',
    inputSchema: z.object({
      query: z.string().min(1).max(500).describe('What to look for, in a few words'),
    }),
    execute: async ({ query }): Promise<SearchKnowledgeOutput> => {
      const found = await knowledgeForPrompt({ ...options, query, k: 5 });
      const passages = found.sources.map((source) =>
        citedSource({ ...source, label: options.counter.label(source.chunkId) }),
      );
      return {
        passages,
        ...(found.notice ? { notice: found.notice } : {}),
        ...(passages.length === 0
          ? { notice: found.notice ?? 'Nothing in the knowledge base matches this query.' }
          : {}),
      };
    },
    // The panel gets the passages as data (to link citations); the model gets them the way it gets every
    // passage, as escaped text in a <knowledge> block.
    toModelOutput: ({ output }) => ({ type: 'text', value: renderSearchResult(output) }),
  });
}
