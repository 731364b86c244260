import type { ModelPrice } from '../../shared/admin';

/**
 * US dollars per million tokens, as the providers list them (December 2026). The console's cost column is
 * tokens × these prices; a model missing here shows no cost rather than a wrong one. Add a model by adding a
 * line (and to the README's price table).
 */
export const MODEL_PRICES: readonly ModelPrice[] = [
  { model: 'gpt-4o-mini', inputPerMillion: 0.15, outputPerMillion: 0.6 },
  { model: 'gpt-4o', inputPerMillion: 2.5, outputPerMillion: 10 },
  { model: 'gpt-4.1', inputPerMillion: 2, outputPerMillion: 8 },
  { model: 'gpt-4.1-mini', inputPerMillion: 0.4, outputPerMillion: 1.6 },
  { model: 'gpt-4.1-nano', inputPerMillion: 0.1, outputPerMillion: 0.4 },
  { model: 'claude-sonnet-4', inputPerMillion: 3, outputPerMillion: 15 },
  { model: 'claude-haiku-4-5', inputPerMillion: 1, outputPerMillion: 5 },
  { model: 'gemini-2.5-flash', inputPerMillion: 0.3, outputPerMillion: 2.5 },
  { model: 'mistral-large-latest', inputPerMillion: 2, outputPerMillion: 6 },
];

/** Cost of the tokens in US dollars; null for a model without a price (0 tokens cost 0 whatever the model). */
export function costOf(model: string, tokensIn: number, tokensOut: number): number | null {
  if (tokensIn === 0 && tokensOut === 0) return 0;
  const price = MODEL_PRICES.find((entry) => entry.model === model);
  if (!price) return null;
  return (tokensIn * price.inputPerMillion + tokensOut * price.outputPerMillion) / 1_000_000;
}
