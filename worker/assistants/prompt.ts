import type { AssistantSpec } from '../../shared/assistants';

/**
 * The assistant's part of the instructions. It comes after the product's rules (untrusted page and knowledge,
 * citations), so it shapes answers without lifting a safeguard; the rules say that data never gives orders, and
 * this section is written by the product or an administrator, never taken from a request.
 */
export function assistantSection(assistant: Pick<AssistantSpec, 'name' | 'instructions'>): string {
  return `You are answering as the "${assistant.name}" assistant. Its instructions:\n${assistant.instructions}`;
}
