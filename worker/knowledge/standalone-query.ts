import { queryWords } from './query-terms';

/**
 * The knowledge search for the latest question of a conversation, written so it stands on its own. A follow-up
 * like "and for three years?" or "how do I deploy it?" names nothing to search for; carrying the key words of
 * the person's previous questions ("multi-year discount") finds the passages it is about. Deterministic and
 * free (no model call): small and local models rarely call the search tool themselves, so this is what grounds
 * every question; the tool stays for further searches.
 */
export interface StandaloneQuery {
  query: string;
  /** True when words of earlier questions were added. */
  rewritten: boolean;
}

/** Words of a request about the answer itself ("shorter please", "in French", "thanks"): no search needed. */
const ABOUT_THE_ANSWER = new Set(
  (
    'shorter longer short long please thanks thank ok okay great perfect cool nice good yes no sure rewrite rephrase ' +
    'reword translate french english spanish german simpler simplify simple summarize summarise summary tldr ' +
    'bullet bullets points list table formal casual friendlier friendly polite tone again more less briefer brief ' +
    'concise detail details reply answer make write format shorten expand continue go'
  ).split(' '),
);

/** Words that point back at something said before. */
const REFERRING = new Set(
  'it its this that these those they them their there one ones same such he she him her his former latter'.split(' '),
);

/** A question opening like this continues the previous one ("and for three years?", "what about Europe?"). */
const CONTINUING = /^\s*(and|or|but|also|then|so|what about|how about|same for|and what about)\b/i;

/** A follow-up this short (in searchable words) is read as leaning on the conversation. */
const SHORT_FOLLOW_UP_WORDS = 3;
/** Words carried from earlier questions: enough for the topic, few enough not to drown the new words. */
const MAX_CARRIED_WORDS = 8;
/** How many earlier questions may lend words (the most recent first). */
const LOOK_BACK_TURNS = 3;

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * `userTurns`: the text of each of the person's messages, oldest first, the question last. Undefined when the
 * question needs no knowledge (empty, or only about the answer's form).
 */
export function standaloneQuery(userTurns: readonly string[]): StandaloneQuery | undefined {
  const question = (userTurns.at(-1) ?? '').trim();
  if (!question) return undefined;
  const words = queryWords(question);
  const earlier = userTurns.slice(0, -1).slice(-LOOK_BACK_TURNS);
  const substantive = words.filter((word) => !ABOUT_THE_ANSWER.has(word));
  const refers = tokens(question).some((token) => REFERRING.has(token));
  if (earlier.length === 0) return substantive.length > 0 ? { query: question, rewritten: false } : undefined;
  // "shorter please", "thanks!", "rewrite it in French": about the last answer, not a new question.
  if (substantive.length === 0 && !CONTINUING.test(question)) return undefined;

  const followUp = substantive.length <= SHORT_FOLLOW_UP_WORDS || refers || CONTINUING.test(question);
  if (!followUp) return { query: question, rewritten: false };

  const have = new Set(words);
  const carried: string[] = [];
  for (const turn of [...earlier].reverse()) {
    for (const word of queryWords(turn)) {
      if (carried.length === MAX_CARRIED_WORDS) break;
      if (have.has(word) || ABOUT_THE_ANSWER.has(word)) continue;
      have.add(word);
      carried.push(word);
    }
  }
  if (carried.length === 0) return substantive.length > 0 ? { query: question, rewritten: false } : undefined;
  return { query: `${question} ${carried.join(' ')}`, rewritten: true };
}
