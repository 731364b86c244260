import { readdirSync } from 'node:fs';
import type { ExpectedCapture } from './pages';
import { fixturesDirectory } from './pages';

/**
 * Visible facts a person sees on a fixture page, and how many reach the prompt. A fact is "Label: value" or a
 * phrase; it counts as present when its normalised text occurs in the normalised prompt, so the typed rendering
 * ("- Stage: Nurturing") and the remaining text ("Stage\nNurturing") both count, while a missing value does not.
 */
export interface FixtureFacts {
  fields: string[];
  messages: string[];
  /** Text the person cannot see (hidden tricks, stale records): any of it in the prompt is a leak. */
  hidden: string[];
}

export function normaliseFact(text: string): string {
  return text
    .toLowerCase()
    .replace(/&amp;/g, '&')
    .replace(/[*_`#>|·:\u2022\u2014–\-↳()[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Explicit `facts` of the expected file, plus what older expected files state as fields and required text. */
export function factsOf(expected: ExpectedCapture): FixtureFacts {
  const fields = [
    ...(expected.facts?.fields ?? []),
    ...Object.entries(expected.fields ?? {}).map(([label, value]) => `${label}: ${value}`),
  ];
  const messages = [...(expected.facts?.messages ?? []), ...(expected.mustContain ?? [])];
  const hidden = [...(expected.facts?.hidden ?? []), ...(expected.mustNotContain ?? [])];
  return { fields, messages, hidden };
}

/** Missing facts an expected file does not list as known gaps (see ExpectedCapture.knownMissing). */
export function unexpectedlyMissing(missing: readonly string[], expected: ExpectedCapture): string[] {
  const known = new Set((expected.knownMissing ?? []).map((gap) => gap.fact));
  return missing.filter((fact) => !known.has(fact));
}

export interface FactScore {
  fieldRecall: number;
  messageRecall: number;
  missing: string[];
  leaks: string[];
}

export function scoreFacts(prompt: string, facts: FixtureFacts): FactScore {
  const text = normaliseFact(prompt);
  const present = (fact: string) => text.includes(normaliseFact(fact));
  const missingFields = facts.fields.filter((fact) => !present(fact));
  const missingMessages = facts.messages.filter((fact) => !present(fact));
  const ratio = (missing: number, total: number) => (total === 0 ? 1 : (total - missing) / total);
  return {
    fieldRecall: ratio(missingFields.length, facts.fields.length),
    messageRecall: ratio(missingMessages.length, facts.messages.length),
    missing: [...missingFields, ...missingMessages],
    // Leaks are checked on the raw prompt: hidden markers are exact strings.
    leaks: facts.hidden.filter((marker) => prompt.includes(marker)),
  };
}

/** Every fixture page with an expected file beside it, by name (`zendesk--ticket`). */
export function fixtureNames(): string[] {
  const files = readdirSync(fixturesDirectory);
  return files
    .filter((file) => file.endsWith('.html') && files.includes(file.replace(/\.html$/, '.expected.json')))
    .map((file) => file.replace(/\.html$/, ''))
    .sort();
}

/** SLDS-derived fixtures are reported apart from the pages we wrote ourselves. */
export const isBlueprintFixture = (name: string) => name.startsWith('slds--');

/** A page written from the site as it renders, without looking at the extractor (it says so at its top). */
export const isIndependentFixture = (html: string) => html.slice(0, 2_000).includes('without looking at the extractor');
