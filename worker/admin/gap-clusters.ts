import type { GapCluster } from '../../shared/admin';

/**
 * Groups unanswered questions that ask the same thing, so the gap report says "23 people asked about refunds
 * in Germany" instead of listing 23 wordings. Two ways: shared words (always available), or embedding
 * similarity when an embedding model is configured. Greedy and deterministic: questions in order of how often
 * they were asked, each joins the first group whose leading question is similar enough, or starts a new one.
 */

export interface GapQuestion {
  question: string;
  noResults: number;
  lowScore: number;
  notGrounded: number;
  outdated: number;
}

const STOPWORDS = new Set(
  'a an and are as at be but by can could did do does for from get got has have how i if in into is it its me my no not of on or our please should so than that the their them then there these they this to us was we were what when where which who why will with would you your about any there'.split(
    ' ',
  ),
);

/**
 * Content words cut to five letters: a crude stemmer that still joins "German"/"Germany" and
 * "refund"/"refunds" in any language that builds words with suffixes.
 */
export function keyWords(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/\p{L}[\p{L}\p{N}'-]*|\p{N}+/gu) ?? [];
  return [...new Set(words.filter((word) => word.length > 2 && !STOPWORDS.has(word)).map((word) => word.slice(0, 5)))];
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const right = new Set(b);
  const shared = a.filter((word) => right.has(word)).length;
  return shared / (a.length + b.length - shared);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let left = 0;
  let right = 0;
  for (let index = 0; index < a.length; index++) {
    dot += (a[index] ?? 0) * (b[index] ?? 0);
    left += (a[index] ?? 0) ** 2;
    right += (b[index] ?? 0) ** 2;
  }
  return left && right ? dot / Math.sqrt(left * right) : 0;
}

export const WORD_OVERLAP_THRESHOLD = 0.4;
export const EMBEDDING_THRESHOLD = 0.8;
const MAX_EXAMPLES = 5;

const total = (question: GapQuestion) =>
  question.noResults + question.lowScore + question.notGrounded + question.outdated;

/** Clusters `questions`; `vectors[i]` (when given) is the embedding of `questions[i]`. */
export function clusterGaps(questions: readonly GapQuestion[], vectors?: readonly number[][]): GapCluster[] {
  const order = questions
    .map((question, index) => ({ question, index, words: keyWords(question.question) }))
    .sort((a, b) => total(b.question) - total(a.question) || a.question.question.localeCompare(b.question.question));
  const groups: { lead: (typeof order)[number]; members: (typeof order)[number][] }[] = [];
  for (const entry of order) {
    const home = groups.find((group) =>
      vectors
        ? cosine(vectors[group.lead.index] ?? [], vectors[entry.index] ?? []) >= EMBEDDING_THRESHOLD
        : jaccard(group.lead.words, entry.words) >= WORD_OVERLAP_THRESHOLD,
    );
    if (home) home.members.push(entry);
    else groups.push({ lead: entry, members: [entry] });
  }
  return groups
    .map(({ lead, members }) => {
      const sum = (pick: (question: GapQuestion) => number) => members.reduce((acc, m) => acc + pick(m.question), 0);
      const counts = new Map<string, number>();
      for (const member of members) for (const word of member.words) counts.set(word, (counts.get(word) ?? 0) + 1);
      const shared = [...counts].filter(([, count]) => count * 2 >= members.length).map(([word]) => word);
      const keywords = lead.words.filter((word) => shared.includes(word));
      const label = lead.question.question;
      return {
        label,
        count: sum(total),
        noResults: sum((q) => q.noResults),
        lowScore: sum((q) => q.lowScore),
        notGrounded: sum((q) => q.notGrounded),
        outdated: sum((q) => q.outdated),
        examples: members.slice(0, MAX_EXAMPLES).map((member) => member.question.question),
        keywords,
        hint: hintFor(label, sum((q) => q.outdated) > 0 && sum((q) => q.noResults + q.lowScore) === 0),
      };
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function hintFor(label: string, onlyOutdated: boolean): string {
  const subject = label.length > 140 ? `${label.slice(0, 139)}…` : label;
  return onlyOutdated
    ? `Update the document that answers "${subject}": people rated its answers outdated.`
    : `Create a document that answers "${subject}" in the space its askers read.`;
}
