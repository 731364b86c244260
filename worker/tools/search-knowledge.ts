import { tool } from 'ai';
import { z } from 'zod';
import type { SearchKnowledgeOutput } from '../../shared/knowledge';
import type { Config } from '../config';
import type { Identity } from '../context';
import type { Env } from '../env';
import { citedSource } from '../knowledge/citations';
import { knowledgeForPrompt } from '../knowledge/for-prompt';
import { renderSearchResult } from '../prompt/knowledge-block';
import { CitationCounter } from './citation-counter';
import { defineTool, type ToolContext } from './types';

export { CitationCounter };

const description =
  'Search the company knowledge base (sales playbooks, pricing, competitive notes, help-center articles, policies). ' +
  'Returns numbered passages; cite them as [n]. Use a short, specific query.';

const inputSchema = z.object({
  query: z.string().min(1).max(500).describe('What to look for, in a few words'),
});

async function search(
  query: string,
  options: Pick<ToolContext, 'env' | 'config' | 'identity' | 'counter' | 'within' | 'coverage'>,
): Promise<SearchKnowledgeOutput> {
  const found = await knowledgeForPrompt({
    env: options.env,
    config: options.config,
    identity: options.identity,
    query,
    k: 5,
    ...(options.within ? { within: options.within } : {}),
  });
  options.coverage?.note(found.coverage);
  const passages = found.sources.map((source) =>
    citedSource({ ...source, label: options.counter.label(source.chunkId) }),
  );
  return {
    passages,
    ...(found.notice ? { notice: found.notice } : {}),
    ...(passages.length === 0 ? { notice: found.notice ?? 'Nothing in the knowledge base matches this query.' } : {}),
  };
}

/**
 * `search_knowledge`: lets the model look things up in the company knowledge base when the passages it was
 * given do not cover the question (or in later turns, which get no automatic retrieval). Runs with the
 * caller's identity, so it finds only what they may read; its output is data, shown to the model as such:
 * the panel gets the passages as data (to link citations), the model gets them the way it gets every passage,
 * as escaped text in a <knowledge> block.
 */
export const searchKnowledge = defineTool({
  id: 'search_knowledge',
  description,
  inputSchema,
  readOnly: true,
  execute: ({ query }, context) => search(query, context),
  toModelText: renderSearchResult,
});

/** The tool on its own, outside an assistant's tool set (kept for callers that build it directly). */
export function searchKnowledgeTool(options: {
  env: Env;
  config: Config;
  identity: Identity;
  counter: CitationCounter;
  /** The answering assistant's spaces: narrows the caller's spaces, never widens them. */
  within?: readonly string[];
}) {
  return tool({
    description,
    inputSchema,
    execute: ({ query }): Promise<SearchKnowledgeOutput> => search(query, options),
    toModelOutput: ({ output }) => ({ type: 'text', value: renderSearchResult(output) }),
  });
}
