/**
 * The token estimate every prompt budget uses (page, conversation history): about four characters per token for
 * English and code with OpenAI-style tokenizers. An estimate, not a tokenizer: budgets leave the model's context
 * window ample room, and counting characters costs nothing on text an attacker may have made huge.
 */
export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
