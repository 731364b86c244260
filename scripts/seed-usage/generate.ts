/**
 * Realistic, deterministic usage for the admin console: the same options always give the same rows, so
 * `npm run dev`, the worker and end-to-end tests and `npm run bench -- admin` all see one known company.
 *
 * A few hundred teammates in sales, support, HR and administration (the demo people Sam, Alex, Priya and
 * Morgan among them) ask questions, draft emails and ticket replies on working days, more as weeks go by;
 * some questions find nothing in the knowledge base, and those get thumbs-down more often. Pure TypeScript
 * (no Node or Workers APIs), so it runs in workerd tests and in Node alike. Rows match migrations/0002_oversight.sql.
 */

export interface SeedOptions {
  /** Last day of data (UTC, YYYY-MM-DD), inclusive. */
  endDay: string;
  days: number;
  /** Teammates besides the four demo people. */
  teammates: number;
  /** Store question and answer text, as PAYLOAD_LOGGING=full does. */
  payloads: boolean;
  seed?: number;
  /** Mean requests on a day a person is active. */
  requestsPerActiveDay?: number;
}

export interface SeedPerson {
  /** Pseudonym as usage_events.person stores it (64 hex characters). */
  person: string;
  label: string;
  groups: string[];
  /** Chance of being active on a working day. */
  propensity: number;
}

export interface UsageEventRow {
  id: string;
  at: string;
  day: string;
  person: string;
  groups: string;
  assistant: string;
  action: string;
  model: string | null;
  message_id: string;
  conversation_id: string | null;
  tokens_in: number;
  tokens_out: number;
  ttft_ms: number | null;
  total_ms: number;
  retrieval_hits: number;
  best_score: number | null;
  citations: number;
  error_code: string | null;
  status: number;
  page_site: string | null;
  question: string | null;
  answer: string | null;
}

export interface FeedbackRow {
  id: string;
  at: string;
  day: string;
  person: string;
  groups: string;
  message_id: string;
  conversation_id: string | null;
  kind: 'answer' | 'draft';
  assistant: string;
  action: string;
  model: string | null;
  rating: 'up' | 'down';
  reason: string | null;
  comment: string | null;
  answer_excerpt: string | null;
  sources: string;
}

export interface SeedRecord {
  event: UsageEventRow;
  feedback?: FeedbackRow;
}

/** mulberry32: small, fast, and the same everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 64 hex characters from a label: stands in for the keyed hash the worker stores. */
export function seedPseudonym(label: string): string {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let index = 0; index < label.length; index++) {
      hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193);
    }
    out += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

interface Team {
  group: string;
  share: number;
  assistant: string;
  actions: readonly [string, number][];
  questions: readonly string[];
}

const TEAMS: readonly Team[] = [
  {
    group: 'sales-team',
    share: 0.45,
    assistant: 'sales-coach',
    actions: [
      ['chat', 0.6],
      ['follow-up-email', 0.25],
      ['summarize-page', 0.15],
    ],
    questions: [
      'What discount can I offer on a three-year Enterprise deal?',
      'How do we compare to Contoso on data residency?',
      'Summarize the objections Acme raised in the last call',
      'Which case studies fit a logistics company?',
      'What is the list price of the Growth plan per seat?',
      'Who approves a discount above 20 percent?',
      'What are the next steps for this opportunity?',
      'Draft talking points for the renewal with Globex',
    ],
  },
  {
    group: 'support-team',
    share: 0.38,
    assistant: 'support-resolver',
    actions: [
      ['chat', 0.5],
      ['ticket-reply', 0.35],
      ['summarize-selection', 0.15],
    ],
    questions: [
      'How do I reset two-factor authentication for a customer?',
      'What is the refund policy for annual plans?',
      'Why does the export fail with error 413?',
      'How long do we keep deleted workspaces?',
      'Which plans include SSO?',
      'How do I merge two customer accounts?',
      'What is the SLA for priority one tickets?',
    ],
  },
  {
    group: 'hr-team',
    share: 0.12,
    assistant: 'hr-policies',
    actions: [['chat', 1]],
    questions: [
      'How many days of paid leave do new hires get?',
      'What is the parental leave policy?',
      'How are remote work expenses reimbursed?',
      'When is the next performance review cycle?',
    ],
  },
  {
    group: 'kb-admins',
    share: 0.05,
    assistant: 'default',
    actions: [['chat', 1]],
    questions: [
      'Which documents mention the old pricing?',
      'What changed in the security policy this quarter?',
      'Summarize the onboarding guide',
    ],
  },
];

/** Questions the sample knowledge base cannot answer: the knowledge-gap report should find these groups. */
const GAP_TOPICS: readonly string[][] = [
  [
    'What is our refund policy in Germany?',
    'refund policy for German customers',
    'Do German customers get a different refund policy?',
  ],
  [
    'How do I request parental leave in Spain?',
    'parental leave rules in Spain',
    'Spain parental leave request process',
  ],
  [
    'Does the API support webhooks for invoices?',
    'invoice webhooks in the API',
    'Can the API send webhooks when an invoice is paid?',
  ],
  [
    'What is the price of the on-premise edition?',
    'on-premise edition price',
    'How much does the on-premise edition cost?',
  ],
  [
    'Is there a HIPAA agreement template?',
    'HIPAA agreement template for hospitals',
    'Where is the HIPAA BAA template?',
  ],
];

const DEMO_PEOPLE = [
  { label: 'sam', groups: ['sales-team', 'emea'] },
  { label: 'alex', groups: ['support-team', 'amer'] },
  { label: 'priya', groups: ['hr-team', 'emea'] },
  { label: 'morgan', groups: ['kb-admins', 'amer'] },
] as const;

const SITES: Record<string, readonly string[]> = {
  'sales-team': ['salesforce', 'salesforce', 'gmail', 'web'],
  'support-team': ['zendesk', 'zendesk', 'web', 'gmail'],
  'hr-team': ['web', 'gmail'],
  'kb-admins': ['web'],
};

const SOURCES = [
  { kind: 'knowledge', title: 'Discount policy', url: 'https://kb.northwind.example/sales/discounts', space: 'sales' },
  {
    kind: 'knowledge',
    title: 'Refunds and cancellations',
    url: 'https://help.northwind.example/refunds',
    space: 'support',
  },
  { kind: 'knowledge', title: 'Pricing 2026', url: 'https://kb.northwind.example/sales/pricing', space: 'sales' },
  { kind: 'knowledge', title: 'Leave policy', url: 'https://kb.northwind.example/hr/leave', space: 'hr' },
  {
    kind: 'knowledge',
    title: 'Security overview',
    url: 'https://kb.northwind.example/company/security',
    space: 'company',
  },
] as const;

const ERRORS: readonly [string, number][] = [
  ['upstream_timeout', 200],
  ['upstream_error', 200],
  ['rate_limited', 429],
  ['quota_exceeded', 429],
];

const MODELS: readonly [string, number][] = [
  ['gpt-4o-mini', 0.8],
  ['gpt-4o', 0.15],
  ['claude-sonnet-4', 0.05],
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function weighted<T>(next: () => number, items: readonly (readonly [T, number])[]): T {
  let roll = next();
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

function addDays(day: string, delta: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
}

/** The demo people and the synthetic teammates, in a fixed order. */
export function seedPeople(options: Pick<SeedOptions, 'teammates' | 'seed'>): SeedPerson[] {
  const next = random((options.seed ?? 1) * 7919);
  const people: SeedPerson[] = DEMO_PEOPLE.map((person) => ({
    person: seedPseudonym(person.label),
    label: person.label,
    groups: [...person.groups],
    propensity: 0.9,
  }));
  for (let index = 0; index < options.teammates; index++) {
    const team = weighted(
      next,
      TEAMS.map((candidate) => [candidate, candidate.share] as const),
    );
    const label = `teammate-${index + 1}`;
    people.push({
      person: seedPseudonym(label),
      label,
      groups: [team.group, next() < 0.55 ? 'emea' : 'amer'],
      // Some people use Beside daily, many weekly, a few tried it once.
      propensity: next() < 0.15 ? 0.03 : 0.15 + next() * 0.75,
    });
  }
  return people;
}

function teamOf(person: SeedPerson): Team {
  return TEAMS.find((team) => person.groups.includes(team.group)) ?? (TEAMS[0] as Team);
}

/** Every usage event (and its rating, if any) in time order within each day. */
export function* generateUsage(options: SeedOptions): Generator<SeedRecord> {
  const seed = options.seed ?? 1;
  const next = random(seed);
  const people = seedPeople(options);
  const perDay = options.requestsPerActiveDay ?? 3;
  let counter = 0;
  for (let offset = options.days - 1; offset >= 0; offset--) {
    const day = addDays(options.endDay, -offset);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    // Adoption grows over the period: the last week is busier than the first.
    const growth = 0.65 + 0.35 * ((options.days - offset) / options.days);
    for (const person of people) {
      if (next() >= person.propensity * growth * (weekend ? 0.12 : 1)) continue;
      const team = teamOf(person);
      const requests = 1 + Math.floor(-Math.log(1 - next()) * (perDay - 1));
      for (let request = 0; request < requests; request++) {
        counter++;
        yield record(next, options, day, person, team, counter, seed);
      }
    }
  }
}

function record(
  next: () => number,
  options: SeedOptions,
  day: string,
  person: SeedPerson,
  team: Team,
  counter: number,
  seed: number,
): SeedRecord {
  const seconds = 7 * 3600 + Math.floor(next() * 11 * 3600);
  const at = new Date(Date.parse(`${day}T00:00:00Z`) + seconds * 1000 + Math.floor(next() * 1000)).toISOString();
  const action = weighted(next, team.actions);
  const id = `seed-${seed}-${counter.toString(36).padStart(7, '0')}`;
  const gap = action === 'chat' && next() < 0.09;
  const question = gap ? pick(next, pick(next, GAP_TOPICS)) : pick(next, team.questions);
  const errored =
    next() < 0.025
      ? weighted(
          next,
          ERRORS.map(([code]) => [code, 0.25] as const),
        )
      : null;
  const status = errored ? (ERRORS.find(([code]) => code === errored)?.[1] ?? 200) : 200;
  const refused = status === 429;
  const model = refused ? null : weighted(next, MODELS);
  // Time to first token: log-normal around 650 ms with a long tail.
  const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const ttft = refused || errored === 'upstream_timeout' ? null : Math.round(650 * Math.exp(0.45 * normal));
  const tokensOut = refused ? 0 : 80 + Math.floor(next() * 700);
  const hits = refused ? 0 : gap ? (next() < 0.6 ? 0 : 1 + Math.floor(next() * 2)) : 2 + Math.floor(next() * 7);
  const bestScore = hits === 0 ? null : gap ? 0.005 + next() * 0.012 : 0.03 + next() * 0.06;
  const citations = hits === 0 || errored ? 0 : next() < 0.8 ? 1 + Math.floor(next() * 3) : 0;
  const event: UsageEventRow = {
    id,
    at,
    day,
    person: person.person,
    groups: JSON.stringify(person.groups),
    assistant: team.assistant,
    action,
    model,
    message_id: `msg-${id}`,
    conversation_id: action === 'chat' ? `conv-${person.label}-${day}` : null,
    tokens_in: refused ? 0 : 900 + Math.floor(next() * 5000),
    tokens_out: tokensOut,
    ttft_ms: ttft,
    total_ms: refused ? 5 + Math.floor(next() * 20) : (ttft ?? 30_000) + tokensOut * 12,
    retrieval_hits: hits,
    best_score: bestScore === null ? null : Math.round(bestScore * 10_000) / 10_000,
    citations,
    error_code: errored,
    status,
    page_site: pick(next, SITES[team.group] ?? ['web']),
    question: options.payloads ? question : null,
    answer: options.payloads && !errored ? answerFor(question, citations) : null,
  };
  if (errored || next() >= 0.14) return { event };
  const down = next() < (gap ? 0.7 : 0.16);
  const reason = down
    ? gap
      ? next() < 0.6
        ? 'not_grounded'
        : 'outdated'
      : pick(next, ['wrong', 'other', 'outdated'])
    : null;
  const source = pick(next, SOURCES);
  return {
    event,
    feedback: {
      id: `fb-${id}`,
      at: new Date(Date.parse(at) + 30_000 + Math.floor(next() * 120_000)).toISOString(),
      day,
      person: person.person,
      groups: event.groups,
      message_id: event.message_id,
      conversation_id: event.conversation_id,
      kind: action === 'chat' || action.startsWith('summarize') ? 'answer' : 'draft',
      assistant: team.assistant,
      action,
      model,
      rating: down ? 'down' : 'up',
      reason,
      comment: down && next() < 0.4 ? pick(next, COMMENTS) : null,
      answer_excerpt: event.answer?.slice(0, 400) ?? null,
      sources: JSON.stringify(citations > 0 ? [source] : []),
    },
  };
}

const COMMENTS = [
  'The policy it quoted changed last quarter.',
  'It did not use our pricing page.',
  'Nothing about Germany in the answer.',
  'Made up a discount tier we do not have.',
  'Good start but the tone was too formal.',
];

function answerFor(question: string, citations: number): string {
  const cite = citations > 0 ? ' [1]' : '';
  return `Here is what company knowledge says about "${question.replace(/[?]$/, '')}"${cite}.`;
}
