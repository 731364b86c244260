/**
 * The demo model (`npm run dev -- --demo-model`, `npm run upstream -- --demo`): no AI, but answers built from what
 * the request carries, so a first run shows what Beside does. Chat answers are sentences taken from the page block
 * and the knowledge passages in the prompt, chosen by word overlap with the question, each cited as [P] or [n];
 * drafts are a subject and a body assembled from the page's facts. Every answer says first that it is a demo.
 * Pure: reads the OpenAI-style request, returns text.
 */
import { contentText } from './directives';

export type DemoLanguage = 'en' | 'fr';

interface WireMessage {
  role?: unknown;
  content?: unknown;
}

/** A piece of text the answer may quote, with the citation label that points back to it. */
export interface DemoSentence {
  label: string;
  text: string;
  /** Position in its source: earlier sentences win ties. */
  order: number;
}

export interface DemoSources {
  title: string;
  /** The sentences of the <selection> block, when the task is on a selection (in order; cited nowhere). */
  selection: string[];
  /** "Label: value" facts of the page (record fields, ticket fields), in page order. */
  facts: { label: string; value: string }[];
  page: DemoSentence[];
  passages: DemoSentence[];
}

const LABELS = {
  en: {
    answer:
      '_Demo answer (no AI model configured): sentences taken from the page and the company knowledge that match your question, with their sources._',
    nothing: 'Nothing on the page or in the company knowledge matches this question.',
    summary: '_Demo summary (no AI model configured): the facts of the page, as written._',
    selectionSummary: '_Demo summary (no AI model configured): the selected text, sentence by sentence._',
    from: (title: string) => `**From “${title}”**`,
    draft: '(Demo draft, no AI model configured: built from the facts on the page.)',
    subject: 'Following up',
    greeting: (name: string) => `Hi ${name},`,
    someone: 'there',
    emailOpening: (topic: string) => `Thank you for your time on ${topic}. Here is where we stand:`,
    replyOpening: (topic: string) => `Thank you for your message about ${topic}.`,
    replyFallback: 'We are checking this with the team and will come back to you shortly. [policy to confirm]',
    closing: 'Let me know if anything is missing.',
    signOff: 'Best regards,\n[your name]',
  },
  fr: {
    answer:
      '_Réponse de démonstration (aucun modèle d’IA configuré) : phrases de la page et des connaissances de l’entreprise qui correspondent à votre question, avec leurs sources._',
    nothing: 'Rien sur la page ni dans les connaissances de l’entreprise ne correspond à cette question.',
    summary: '_Résumé de démonstration (aucun modèle d’IA configuré) : les faits de la page, tels qu’ils sont écrits._',
    selectionSummary:
      '_Résumé de démonstration (aucun modèle d’IA configuré) : le texte sélectionné, phrase par phrase._',
    from: (title: string) => `**Extrait de « ${title} »**`,
    draft: '(Brouillon de démonstration, aucun modèle d’IA configuré : construit à partir des faits de la page.)',
    subject: 'Suivi',
    greeting: (name: string) => `Bonjour ${name},`,
    someone: '',
    emailOpening: (topic: string) => `Merci pour votre temps au sujet de ${topic}. Voici où nous en sommes :`,
    replyOpening: (topic: string) => `Merci pour votre message au sujet de ${topic}.`,
    replyFallback: 'Nous vérifions ce point avec l’équipe et revenons vers vous rapidement. [politique à confirmer]',
    closing: 'N’hésitez pas à me dire s’il manque quelque chose.',
    signOff: 'Bien cordialement,\n[votre nom]',
  },
} as const;

const STOPWORDS = new Set(
  (
    'the a an and or of to in on for with is are was were be this that these those what which who whom how why when ' +
    'where do does did can could should would will my our your their its it me we you they them about from at by as ' +
    'any all there here please tell give show summarize summarise page next ' +
    'le la les un une des du de d l et ou au aux en sur pour avec est sont était cette ce ces cet quel quelle quels ' +
    'quelles que qui quoi comment pourquoi quand où dois doit faire mon ma mes notre nos votre vos leur leurs il elle ' +
    'ils elles nous vous je tu on se sa son ses ici page résume résumez'
  ).split(' '),
);

const FRENCH_HINTS = new Set(
  'le la les une des est sont cette quel quelle quels quelles que qui quoi comment pourquoi où sur pour avec dans nous vous je résume rédige propose'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) =>
    word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word,
  );
}

/** French when the question reads as French (two French function words, or one and an accent). */
export function languageOf(text: string): DemoLanguage {
  const hits = (text.toLowerCase().match(/[\p{L}]+/gu) ?? []).filter((word) => FRENCH_HINTS.has(word)).length;
  const accents = /[éèêàùçôîû]/i.test(text) ? 1 : 0;
  return hits + accents >= 2 ? 'fr' : 'en';
}

/** The bodies of every `<name …>…</name>` block in the text (blocks never nest inside their own kind). */
function blocks(text: string, name: string): { attributes: string; body: string }[] {
  const found: { attributes: string; body: string }[] = [];
  const opening = new RegExp(`^<${name}((?: [a-z]{1,20}="\\d{1,9}")*)>$`, 'gm');
  for (const match of text.matchAll(opening)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf(`\n</${name}>`, start);
    if (end === -1) continue;
    found.push({ attributes: match[1] ?? '', body: text.slice(start, end) });
  }
  return found;
}

/** Splits a block into its `label: value` header lines and its body (after the first blank line). */
function headerAndBody(block: string): { header: Map<string, string>; body: string } {
  const lines = block.replace(/^\n/, '').split('\n');
  const header = new Map<string, string>();
  let index = 0;
  for (; index < lines.length && lines[index] !== ''; index++) {
    const line = lines[index] as string;
    const colon = line.indexOf(': ');
    if (colon > 0 && /^[a-z]{1,20}$/.test(line.slice(0, colon)))
      header.set(line.slice(0, colon), line.slice(colon + 2));
    else break;
  }
  // A block of header lines only (a selection's page: where it comes from, no body) is all header.
  if (index === lines.length) return { header, body: '' };
  if (lines[index] !== '') return { header: new Map(), body: block };
  return { header, body: lines.slice(index + 1).join('\n') };
}

/** Readable sentences of a Markdown body: headings, bullets and table cells become plain text. */
function sentencesOf(body: string): string[] {
  const sentences: string[] = [];
  for (const raw of body.split('\n')) {
    let line = raw.trim();
    if (!line || /^[-|: ]+$/.test(line) || line.startsWith('[…') || line.startsWith('[The browser')) continue;
    if (line.startsWith('|')) {
      const cells = line
        .split('|')
        .map((cell) => cell.trim())
        .filter(Boolean);
      line = cells.join(' — ');
    }
    line = line
      .replace(/^#{1,6}\s+/, '')
      .replace(/^[-*+]\s+/, '')
      .replace(/^\d+\.\s+/, '')
      .replace(/\*\*|__/g, '')
      .replace(/\[([^\]]{1,200})\]\([^)]{0,1000}\)/g, '$1');
    for (const sentence of line.split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u)) {
      const text = sentence.trim();
      if (text.length >= 12 && text.length <= 400) sentences.push(text);
    }
  }
  return sentences;
}

/** What the request gives the demo model to quote: the page block(s) and every knowledge passage it saw. */
export function demoSources(messages: readonly WireMessage[]): DemoSources {
  const system = messages
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => contentText(message.content))
    .join('\n\n');
  const everything = messages.map((message) => contentText(message.content)).join('\n\n');

  let title = '';
  const selection: string[] = [];
  const facts: DemoSources['facts'] = [];
  const page: DemoSentence[] = [];
  for (const name of ['selection', 'page']) {
    for (const found of blocks(system, name)) {
      const { header, body } = headerAndBody(found.body);
      if (name === 'page') title ||= header.get('title') ?? '';
      if (name === 'selection') selection.push(...sentencesOf(body));
      for (const text of sentencesOf(body)) {
        const fact = /^([\p{L}][\p{L} /&'’()-]{0,40}):\s+(\S.{0,200})$/u.exec(text);
        if (fact && name === 'page') facts.push({ label: fact[1] as string, value: fact[2] as string });
        page.push({ label: 'P', text, order: page.length });
      }
    }
  }

  const passages: DemoSentence[] = [];
  const seen = new Set<string>();
  for (const found of blocks(everything, 'passage')) {
    const label = /n="(\d{1,9})"/.exec(found.attributes)?.[1];
    if (!label) continue;
    const { body } = headerAndBody(found.body);
    for (const text of sentencesOf(body)) {
      if (seen.has(`${label}\u0000${text}`)) continue;
      seen.add(`${label}\u0000${text}`);
      passages.push({ label, text, order: passages.length });
    }
  }
  return { title, selection, facts, page, passages };
}

/** Sentences ranked by how many of the question's words they share (ties: earlier first); none below `minimum`. */
export function rankByOverlap(question: string, sentences: readonly DemoSentence[], minimum = 1): DemoSentence[] {
  const wanted = new Set(words(question).filter((word) => !STOPWORDS.has(word) && word.length > 1));
  return sentences
    .map((sentence) => ({ sentence, score: new Set(words(sentence.text).filter((word) => wanted.has(word))).size }))
    .filter((scored) => scored.score >= minimum)
    .sort((a, b) => b.score - a.score || a.sentence.order - b.sentence.order)
    .map((scored) => scored.sentence);
}

const cite = (sentence: DemoSentence) => `${sentence.text.replace(/[.;:,]?$/, '.')} [${sentence.label}]`;

/** A chat answer: the page's and the passages' best-matching sentences, each with its citation. */
export function demoChatAnswer(question: string, sources: DemoSources): string {
  const language = languageOf(question);
  const labels = LABELS[language];
  const fromPage = rankByOverlap(question, sources.page).slice(0, 3);
  const fromKnowledge = rankByOverlap(question, sources.passages).slice(0, 3);
  // A question that shares no word with anything ("What is this page about?"): the start of the page.
  const picked =
    fromPage.length + fromKnowledge.length > 0 ? [...fromPage, ...fromKnowledge] : sources.page.slice(0, 4);
  if (picked.length === 0) return `${labels.answer}\n\n${labels.nothing}`;
  return [labels.answer, '', ...picked.map((sentence) => `- ${cite(sentence)}`)].join('\n');
}

/**
 * A summary: of a selection, its own sentences under the name of the page they come from (the panel has no page
 * source for a selection, so nothing is cited); of a page, its facts and first sentences, cited to the page.
 */
export function demoSummary(request: string, sources: DemoSources): string {
  const labels = LABELS[languageOf(request)];
  if (sources.selection.length > 0) {
    const named = sources.title ? [labels.from(sources.title), ''] : [];
    const sentences = sources.selection.slice(0, 8).map((sentence) => `- ${sentence.replace(/[;:,]?$/, '')}`);
    return [labels.selectionSummary, '', ...named, ...sentences].join('\n');
  }
  const lines = [labels.summary, ''];
  if (sources.title) lines.push(`- **${sources.title}** [P]`);
  const facts = sources.facts.slice(0, 8).map((fact) => `- ${fact.label}: ${fact.value} [P]`);
  const prose = sources.page.filter((sentence) => !/^[^:]{1,42}:\s/.test(sentence.text)).slice(0, 8 - facts.length);
  lines.push(...facts, ...prose.map((sentence) => `- ${cite(sentence)}`));
  return lines.join('\n');
}

const FACT_PREFERENCE = [
  /stage|étape|status|statut/i,
  /amount|montant|price|prix/i,
  /close|date|échéance/i,
  /next|prochaine/i,
];

function factValue(sources: DemoSources, pattern: RegExp): string | undefined {
  return sources.facts.find((fact) => pattern.test(fact.label))?.value;
}

function firstName(sources: DemoSources): string | undefined {
  const value = factValue(sources, /^(contact|requester|customer|from|demandeur|client)( name)?$/i);
  const name = value?.replace(/<[^>]*>|‹[^›]*›|\S+@\S+/g, '').trim();
  return name?.split(/\s+/)[0] || undefined;
}

/** A follow-up email: "Subject:" line, greeting, the page's key facts, one knowledge sentence, sign-off. */
export function demoEmail(language: DemoLanguage, sources: DemoSources): string {
  const labels = LABELS[language];
  // Only a spaced "|" or " - " ends a title's own words ("… | Salesforce", "… - Gmail"): a subject keeps its
  // dashes ("Beacon renewal — three-year quote").
  const topic = sources.title.replace(/\s+[|-]\s+[^|]*$/, '') || sources.title;
  const facts = FACT_PREFERENCE.map((pattern) => sources.facts.find((fact) => pattern.test(fact.label)))
    .filter((fact): fact is DemoSources['facts'][number] => !!fact)
    .filter((fact, index, all) => all.indexOf(fact) === index);
  const shown = (facts.length > 0 ? facts : sources.facts.slice(0, 3)).map((fact) => `- ${fact.label}: ${fact.value}`);
  const knowledge = rankByOverlap(`${topic} ${shown.join(' ')}`, sources.passages)[0];
  return [
    `Subject: ${labels.subject}: ${topic}`.slice(0, 200),
    '',
    labels.draft,
    '',
    labels.greeting(firstName(sources) ?? labels.someone).replace(' ,', ','),
    '',
    labels.emailOpening(topic),
    ...shown,
    ...(knowledge ? ['', knowledge.text] : []),
    '',
    labels.closing,
    '',
    labels.signOff,
  ].join('\n');
}

/** A ticket reply: greeting, the help-center sentences that match the ticket, each cited, sign-off. */
export function demoTicketReply(language: DemoLanguage, sources: DemoSources): string {
  const labels = LABELS[language];
  const subject = factValue(sources, /^subject|objet$/i) ?? sources.title;
  const customerWords = sources.page.map((sentence) => sentence.text).join(' ');
  const answers = rankByOverlap(`${subject} ${customerWords}`, sources.passages, 2).slice(0, 3);
  return [
    labels.draft,
    '',
    labels.greeting(firstName(sources) ?? labels.someone).replace(' ,', ','),
    '',
    labels.replyOpening(subject),
    answers.length > 0 ? answers.map(cite).join(' ') : labels.replyFallback,
    '',
    labels.closing,
    '',
    labels.signOff,
  ].join('\n');
}

/** Which answer the instructions ask for: the worker's action tasks name their output. */
export function demoKind(system: string): 'email' | 'reply' | 'summary' | 'chat' {
  if (system.includes('Task: draft the follow-up email')) return 'email';
  if (system.includes('Task: draft the public reply')) return 'reply';
  if (/Task: summari[sz]e/.test(system)) return 'summary';
  return 'chat';
}

/** A draft's language: the one the person chose ("Language: write in French."), else English. */
function draftLanguage(system: string): DemoLanguage {
  return /Language: write in (French|français)/i.test(system) ? 'fr' : 'en';
}

export function demoAnswer(messages: readonly WireMessage[], question: string): string {
  const system = messages
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => contentText(message.content))
    .join('\n\n');
  const sources = demoSources(messages);
  switch (demoKind(system)) {
    case 'email':
      return demoEmail(draftLanguage(system), sources);
    case 'reply':
      return demoTicketReply(draftLanguage(system), sources);
    case 'summary':
      return demoSummary(question, sources);
    default:
      return demoChatAnswer(question, sources);
  }
}
