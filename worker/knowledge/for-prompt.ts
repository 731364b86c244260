import type { UIMessageChunk } from 'ai';
import type { Config } from '../config';
import type { Identity } from '../context';
import type { Env } from '../env';
import { currentUsage } from '../oversight/usage-tracker';
import { renderKnowledgeBlock } from '../prompt/knowledge-block';
import { citedSource, type RetrievedSource, sourceChunk } from './citations';
import { retrievalCoverage } from './coverage';
import { knowledgeDeps } from './deps';
import { retrieve } from './retrieve';
import { readableSpaces } from './spaces';

export type { RetrievedSource } from './citations';

export interface KnowledgeForPrompt {
  /** `<knowledge>` block of numbered, delimited, untrusted passages; '' when nothing was found. */
  block: string;
  sources: RetrievedSource[];
  /** `source-url` / `source-document` parts to stream before the answer (`prelude` of streamAnswer). */
  chunks: UIMessageChunk[];
  /** Set when retrieval ran degraded (keyword-only) or failed; for logs and the no-model answer. */
  notice?: string;
  /** How well the passages cover the question (0–1, coverage.ts): one input of the hand-off decision. */
  coverage: number;
}

export const DEFAULT_PROMPT_PASSAGES = 5;

export const KNOWLEDGE_UNAVAILABLE =
  'The company knowledge base could not be searched for this question (a temporary failure). Answer from the page ' +
  'and the conversation, and tell the person that company knowledge was not available for this answer.';

/**
 * The company knowledge for one question, ready for a prompt: the best passages the person may read
 * (their spaces, filtered inside both searches and re-checked), numbered [first]…, as a delimited block,
 * with the stream parts that let the panel turn citations into links. Never throws: without knowledge the
 * answer can still be given from the page, so a retrieval failure yields an empty block and a notice.
 */
export async function knowledgeForPrompt(options: {
  env: Env;
  config: Config;
  identity: Identity;
  query: string;
  k?: number;
  /** The first citation number (when earlier passages in the same answer already use 1…n). */
  first?: number;
  /** Narrows the search to these spaces (never widens it beyond what the caller reads). */
  within?: readonly string[];
}): Promise<KnowledgeForPrompt> {
  const { env, config, identity } = options;
  const readable = readableSpaces(identity, config);
  const spaces = options.within ? readable.filter((space) => options.within?.includes(space)) : readable;
  if (spaces.length === 0) return { block: '', sources: [], chunks: [], coverage: 0 };
  const first = options.first ?? 1;
  try {
    const retrieved = await retrieve(knowledgeDeps(env, config), {
      query: options.query.slice(0, 2_000),
      spaces,
      k: options.k ?? DEFAULT_PROMPT_PASSAGES,
    });
    const allowed = new Set(spaces);
    const sources: RetrievedSource[] = retrieved.results
      .filter((result) => allowed.has(result.space))
      .map((result, index) => ({ ...result, label: String(first + index) }));
    currentUsage()?.noteRetrieval(sources);
    return {
      block: renderKnowledgeBlock(sources),
      sources,
      chunks: sources.map((source) => sourceChunk(citedSource(source))),
      coverage: retrievalCoverage(sources, retrieved.mode),
      ...(retrieved.notice ? { notice: retrieved.notice } : {}),
    };
  } catch (error) {
    console.warn(JSON.stringify({ event: 'knowledge_retrieval_failed', error: String(error).slice(0, 500) }));
    // Written by the server, not retrieved: tells the model why there are no passages, so the answer says
    // so instead of implying the knowledge base has nothing on the subject.
    return {
      block: `<knowledge>\n${KNOWLEDGE_UNAVAILABLE}\n</knowledge>`,
      sources: [],
      chunks: [],
      notice: KNOWLEDGE_UNAVAILABLE,
      coverage: 0,
    };
  }
}
