import type { AssistantSpec } from '../../shared/assistants';
import type { Config } from '../config';

/**
 * The spaces an assistant may search for one answer, as a narrowing of the caller's own spaces (knowledgeForPrompt
 * intersects it with what the caller reads, so a spec never widens access):
 * - the assistant's `knowledge.spaces` (`["*"]` = no narrowing by the assistant);
 * - the customer-safe spaces (CUSTOMER_SAFE_SPACES) when the assistant or the task is customer-facing.
 * `undefined` means "every space the caller reads"; `[]` means no knowledge at all.
 */
export function assistantSpaces(
  assistant: Pick<AssistantSpec, 'knowledge'>,
  config: Config,
  options: { customerFacing?: boolean } = {},
): readonly string[] | undefined {
  const { spaces } = assistant.knowledge;
  const own = spaces[0] === '*' ? undefined : (spaces as readonly string[]);
  if (!(assistant.knowledge.customerFacing || options.customerFacing)) return own;
  const safe = config.knowledge.customerSafeSpaces;
  return own ? own.filter((space) => safe.includes(space)) : safe;
}
