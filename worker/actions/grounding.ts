import type { UIMessageChunk } from 'ai';
import type { Config } from '../config';
import type { Identity } from '../context';
import type { Env } from '../env';
import { knowledgeForPrompt } from '../knowledge/for-prompt';

export interface Grounding {
  /** Delimited, numbered knowledge passages for the prompt; '' when nothing was found. */
  block: string;
  /** Source parts sent before the answer, so the panel shows what the draft was grounded in. */
  sources: UIMessageChunk[];
}

export interface GroundingInput {
  env: Env;
  config: Config;
  identity: Identity;
  query: string;
}

/** Drafts cite a few passages at most; more would crowd the page out of the prompt. */
const DRAFT_PASSAGES = 4;

/**
 * The one step where quick actions meet company knowledge, limited to the caller's spaces by
 * knowledgeForPrompt. It never throws: a failed search grounds the draft in the page alone, and the
 * instructions then forbid stating any policy or price the page does not (NO_KNOWLEDGE).
 */
export async function groundAction(input: GroundingInput): Promise<Grounding> {
  const knowledge = await knowledgeForPrompt({ ...input, k: DRAFT_PASSAGES });
  return { block: knowledge.block, sources: knowledge.chunks };
}
