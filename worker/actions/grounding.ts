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
  /** Customer-facing actions ground only in the customer-safe spaces (shared/actions.ts). */
  customerFacing?: boolean;
}

/** Drafts cite a few passages at most; more would crowd the page out of the prompt. */
const DRAFT_PASSAGES = 4;

/**
 * The one step where quick actions meet company knowledge, limited to the caller's spaces by
 * knowledgeForPrompt, and for customer-facing actions to the customer-safe spaces as well: their query is
 * built from the customer's own text, so without that limit a customer could pull an internal passage into
 * the reply written to them. It never throws: a failed search grounds the draft in the page alone, and the
 * instructions then forbid stating any policy or price the page does not (NO_KNOWLEDGE).
 */
export async function groundAction(input: GroundingInput): Promise<Grounding> {
  const { customerFacing, ...search } = input;
  const knowledge = await knowledgeForPrompt({
    ...search,
    k: DRAFT_PASSAGES,
    ...(customerFacing ? { within: input.config.knowledge.customerSafeSpaces } : {}),
  });
  return { block: knowledge.block, sources: knowledge.chunks };
}
