import { z } from 'zod';
import { PageKind } from './page-context';

/**
 * Assistants: the one description of "who answers" that the worker runs and the panel shows. An assistant is
 * data, never a code path: its instructions, the model alias it runs on, the tools it may call (each with an
 * approval policy), the knowledge spaces it may search, where it is suggested, who may use it, starter prompts
 * and one-click tasks. Built-in assistants are files under worker/assistants/; administrators add more, stored
 * in D1 and versioned (`POST /v1/assistants`). Both are parsed with `AssistantSpec`.
 *
 * Versioning: `specVersion` is the version of this schema (not of one assistant). A change that would make a
 * stored spec mean something else gets a new number and a migration of the stored specs; new optional fields
 * do not. Each admin-defined assistant also has its own revision number (`version` in `AssistantSummary`),
 * bumped by every `PUT`.
 */

export const ASSISTANT_SPEC_VERSION = 1;

/** Lower-case letters, digits and dashes, starting with a letter: safe in URLs, logs and D1 keys. */
export const AssistantId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'An id of 2–64 characters: a-z, 0-9 and "-", starting with a letter.');
export type AssistantId = z.infer<typeof AssistantId>;

/**
 * Names that are model ids of a provider, not aliases. An assistant names an alias (`default`, `smart`) that the
 * deployment maps to models in MODELS, so switching a model never means editing an assistant; a spec that names
 * `gpt-4o` or `claude-sonnet-4-5` directly would silently stop following that switch.
 */
const PROVIDER_MODEL_ID =
  /^(?:gpt|chatgpt|o\d|claude|gemini|gemma|mistral|mixtral|codestral|magistral|ministral|pixtral|llama|qwen|deepseek|phi|command|text-embedding|grok)(?:$|[-_\d])/;

export const ModelAlias = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,31}$/,
    'A model alias such as "default" or "smart" (a-z, 0-9, "-" and "_"); a provider and model id ("main:gpt-4o") is configured in MODELS, not here.',
  )
  .refine((alias) => !PROVIDER_MODEL_ID.test(alias), {
    message:
      'This looks like a provider model id; name a model alias such as "default" or "smart" (MODELS maps aliases to models).',
  });
export type ModelAlias = z.infer<typeof ModelAlias>;

export const DEFAULT_MODEL_ALIAS = 'default';

/**
 * A tool id: a built-in tool (`search_knowledge`, `read_page`, `handoff`: snake_case, one file each under
 * worker/tools/) or a tool of a remote MCP server connected by an administrator (`mcp:<server>/<tool>`).
 */
export const ToolId = z
  .string()
  .max(130)
  .regex(
    /^(?:[a-z][a-z0-9_]{0,63}|mcp:[a-z0-9][a-z0-9_-]{0,31}\/[A-Za-z0-9_.-]{1,64})$/,
    'A built-in tool such as "search_knowledge", or "mcp:<server>/<tool>" for a tool of a connected MCP server.',
  );
export type ToolId = z.infer<typeof ToolId>;

/**
 * When the person must approve a call before it runs:
 * - `auto` (default): the tool decides — read-only tools run, tools that write wait for Approve;
 * - `always`: every call waits for Approve, even of a read-only tool;
 * - `never`: no approval asked — honoured for read-only tools only. A tool that writes always needs the
 *   person's approval, whatever a spec says: a spec cannot waive it.
 */
export const toolApprovals = ['auto', 'always', 'never'] as const;
export const ToolApproval = z.enum(toolApprovals);
export type ToolApproval = z.infer<typeof ToolApproval>;

export const ToolGrant = z.strictObject({
  id: ToolId,
  approval: ToolApproval.default('auto'),
});
export type ToolGrant = z.infer<typeof ToolGrant>;

export const SpaceName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'A space name (a-z, 0-9, "_" and "-").');

/**
 * What the assistant may search. The spaces actually searched for one question are always the intersection of
 * these, the caller's readable spaces (SPACES) and — when `customerFacing` — the customer-safe spaces
 * (CUSTOMER_SAFE_SPACES): a spec can narrow what a person reads, never widen it. `["*"]` = every space the caller
 * reads; `[]` = no knowledge (page and conversation only).
 */
export const KnowledgeScope = z.strictObject({
  spaces: z.union([z.tuple([z.literal('*')]), z.array(SpaceName).max(50)]).default(['*']),
  /** What it writes goes to customers: it grounds only in the customer-safe spaces. */
  customerFacing: z.boolean().default(false),
});
export type KnowledgeScope = z.infer<typeof KnowledgeScope>;

/** Where the panel suggests the assistant: a site (as capture names it: `zendesk`, `salesforce`…), a page kind, or both. */
export const SuggestRule = z
  .strictObject({
    site: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,63}$/)
      .optional(),
    kind: PageKind.optional(),
  })
  .refine((rule) => rule.site !== undefined || rule.kind !== undefined, {
    message: 'A suggestion rule names a site, a page kind, or both.',
  });
export type SuggestRule = z.infer<typeof SuggestRule>;

/** Groups from the identity provider; `*` = every signed-in person. */
export const AudienceGroup = z.string().min(1).max(200);

/**
 * The shape of a task's result, which decides how the panel shows it: `summary` is Markdown bullet points in the
 * conversation; `markdown` is free-form Markdown in the conversation (a brief, a table of CRM updates); `email` is plain text whose first line is `Subject: …` (shared/email-draft.ts), opened in the draft view with
 * tone, length and delivery; `reply` is the plain-text body of a ticket reply, in the same draft view.
 */
export const quickActionOutputs = ['summary', 'markdown', 'email', 'reply'] as const;
export const QuickActionOutput = z.enum(quickActionOutputs);
export type QuickActionOutput = z.infer<typeof QuickActionOutput>;

export const QuickActionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'An id of 2–64 characters: a-z, 0-9 and "-", starting with a letter.');

export const menuContexts = ['selection', 'page', 'editable', 'link'] as const;

/**
 * A one-click task of the assistant (the follow-up email, the ticket reply, a summary): served by
 * `POST /v1/actions/:id` through the same pipeline as chat, shown as a button on the pages it fits.
 */
export const QuickActionSpec = z.strictObject({
  id: QuickActionId,
  label: z.string().trim().min(1).max(60),
  /** One text symbol (not an emoji: those need a colour-emoji font many Linux and headless set-ups lack). */
  icon: z.string().min(1).max(4).default('•'),
  /** The task, as instructions: last in the prompt, after the page and the knowledge. */
  task: z.string().trim().min(1).max(8_000),
  output: QuickActionOutput,
  /** Page kinds the panel offers it on. */
  kinds: z.array(PageKind).min(1).max(6),
  /** Works on the selected text only (nothing else of the page reaches the model) and refuses a page without one. */
  needsSelection: z.boolean().default(false),
  /** Searches company knowledge (with a query built from the page) to ground the result, citing passages. */
  grounded: z.boolean().default(false),
  /**
   * The result goes to a customer: it grounds only in the customer-safe spaces, whatever the assistant's scope,
   * since its query is built from the customer's own words.
   */
  customerFacing: z.boolean().default(false),
  /** The person's side of the conversation when they only clicked ("Draft the follow-up email."). Our words only. */
  request: z.string().trim().min(1).max(200),
  /** Context-menu contexts it appears in (built-ins only: the menu is built when the extension starts). */
  menu: z.array(z.enum(menuContexts)).max(4).optional(),
  /** A browser command; `key` is a suggested shortcut (Chrome allows four per extension). */
  shortcut: z
    .strictObject({
      key: z
        .string()
        .regex(/^(?:(?:Alt|Ctrl|Shift|Command|MacCtrl)\+){1,3}[A-Z0-9]$/)
        .optional(),
      description: z.string().min(1).max(100),
    })
    .optional(),
});
export type QuickActionSpec = z.infer<typeof QuickActionSpec>;
export type QuickActionSpecInput = z.input<typeof QuickActionSpec>;

const uniqueBy =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], context: z.RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value))
        context.addIssue({ code: 'custom', path: [index], message: `Duplicate ${what} "${value}".` });
      seen.add(value);
    });
  };

export const AssistantSpec = z
  .strictObject({
    /** The version of this schema the spec is written against (ASSISTANT_SPEC_VERSION). */
    specVersion: z.literal(ASSISTANT_SPEC_VERSION, {
      error: `specVersion must be ${ASSISTANT_SPEC_VERSION}, the version of the assistant spec this server reads.`,
    }),
    id: AssistantId,
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().min(1).max(300),
    /** One text symbol shown in the picker (not an emoji, see QuickActionSpec.icon). */
    icon: z.string().min(1).max(4),
    /**
     * What the assistant is for and how it answers. Placed after the product's own rules (untrusted page and
     * knowledge, citations), which it cannot override: it shapes the answer, it does not lift a safeguard.
     */
    instructions: z.string().trim().min(1).max(20_000),
    model: ModelAlias.default(DEFAULT_MODEL_ALIAS),
    tools: z
      .array(ToolGrant)
      .max(32)
      .superRefine(uniqueBy<ToolGrant>((grant) => grant.id, 'tool'))
      .default([]),
    knowledge: KnowledgeScope.default({ spaces: ['*'], customerFacing: false }),
    /**
     * Hand-off on confidence: the assistant that takes a question over when this one, through the `handoff` tool,
     * is less confident than HANDOFF_THRESHOLD (the Support Resolver names the Support Investigator). Never the
     * assistant itself; a question is handed on at most once. Needs the `handoff` tool in `tools`.
     */
    handoffTo: AssistantId.optional(),
    suggestOn: z.array(SuggestRule).max(20).default([]),
    audience: z.array(AudienceGroup).min(1).max(50).default(['*']),
    starters: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
    quickActions: z
      .array(QuickActionSpec)
      .max(12)
      .superRefine(uniqueBy<QuickActionSpec>((action) => action.id, 'quick action'))
      .default([]),
  })
  .superRefine((spec, context) => {
    if (spec.handoffTo === undefined) return;
    if (spec.handoffTo === spec.id) {
      context.addIssue({
        code: 'custom',
        path: ['handoffTo'],
        message: 'An assistant never hands a question to itself.',
      });
    }
    if (!spec.tools.some((grant) => grant.id === 'handoff')) {
      context.addIssue({
        code: 'custom',
        path: ['handoffTo'],
        message:
          'An assistant that hands questions on needs the "handoff" tool, through which it reports its confidence.',
      });
    }
  });
export type AssistantSpec = z.infer<typeof AssistantSpec>;
/** A spec as written (defaults not yet applied): what an administrator sends and a built-in file declares. */
export type AssistantSpecInput = z.input<typeof AssistantSpec>;

/**
 * The languages built-in assistants are written in, as the panel speaks them (@wxt-dev/i18n locales). The panel asks
 * `GET /v1/assistants?lang=` in its own language; an administrator's assistant keeps the words the administrator wrote.
 */
export const catalogLanguages = ['en', 'fr'] as const;
export const CatalogLanguage = z.enum(catalogLanguages);
export type CatalogLanguage = z.infer<typeof CatalogLanguage>;

/** The catalog language for a browser language tag (`fr-CA` → `fr`); English for anything else. */
export function catalogLanguageOf(tag: string | undefined): CatalogLanguage {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return catalogLanguages.find((language) => language === primary) ?? 'en';
}

/** The assistant that answers when a request names none. */
export const DEFAULT_ASSISTANT_ID = 'general';

/** Whether a person with these groups may use the assistant (`*` = everyone signed in). */
export function inAudience(audience: readonly string[], groups: readonly string[]): boolean {
  return audience.includes('*') || audience.some((group) => groups.includes(group));
}

/** Whether the assistant is suggested on this page. */
export function suggestedOn(rules: readonly SuggestRule[], page: { site: string; kind: PageKind }): boolean {
  return rules.some(
    (rule) =>
      (rule.site === undefined || rule.site === page.site) && (rule.kind === undefined || rule.kind === page.kind),
  );
}

/**
 * The assistant to suggest for a page: the first whose rules name both the site and the kind, else the first
 * that matches at all (a rule for "any ticket" yields to one for "a Zendesk ticket"). Undefined: nothing fits better
 * than the person's current choice.
 */
export function suggestFor<T extends Pick<AssistantSpec, 'suggestOn'>>(
  assistants: readonly T[],
  page: { site: string; kind: PageKind } | undefined,
): T | undefined {
  if (!page) return undefined;
  const exact = assistants.find((assistant) =>
    assistant.suggestOn.some((rule) => rule.site === page.site && rule.kind === page.kind),
  );
  return exact ?? assistants.find((assistant) => suggestedOn(assistant.suggestOn, page));
}

/** Where an assistant comes from: a file of the product, or an administrator's spec stored in D1. */
export const AssistantSource = z.enum(['built-in', 'admin']);

/**
 * One entry of `GET /v1/assistants`: what the panel needs to show and run the assistant. Instructions stay on the
 * server for people who are not administrators (they may hold internal guidance); `GET /v1/assistants/:id`
 * returns the whole spec to administrators.
 */
export const AssistantSummary = z.object({
  id: AssistantId,
  name: z.string(),
  description: z.string(),
  icon: z.string(),
  model: z.string(),
  source: AssistantSource,
  /** The revision of an admin-defined assistant (1 on create, +1 per PUT); built-ins follow the server's version. */
  version: z.number().int().positive(),
  tools: z.array(z.object({ id: z.string(), approval: ToolApproval })),
  knowledge: z.object({ spaces: z.array(z.string()), customerFacing: z.boolean() }),
  suggestOn: z.array(z.object({ site: z.string().optional(), kind: PageKind.optional() })),
  starters: z.array(z.string()),
  /** The tasks without their instructions (which stay on the server, like the assistant's). */
  quickActions: z.array(QuickActionSpec.omit({ task: true })),
});
export type AssistantSummary = z.infer<typeof AssistantSummary>;

export const AssistantCatalog = z.object({
  /** Built-ins first, in the product's order, then admin-defined ones by name. */
  assistants: z.array(AssistantSummary),
  defaultAssistantId: AssistantId,
  /** The language built-in assistants' names, descriptions and starters are in (English from a server before it). */
  language: CatalogLanguage.default('en'),
});
export type AssistantCatalog = z.infer<typeof AssistantCatalog>;

/** `GET /v1/assistants/:id/versions`: every revision of an admin-defined assistant, newest first. */
export const AssistantVersions = z.object({
  id: AssistantId,
  versions: z.array(
    z.object({
      version: z.number().int().positive(),
      createdAt: z.string(),
      createdBy: z.string(),
      spec: AssistantSpec,
    }),
  ),
});
export type AssistantVersions = z.infer<typeof AssistantVersions>;

/**
 * Who answered, sent as message metadata on the answer's `start` and `finish` parts (alongside `answeredBy`, the
 * model that wrote it: shared/answer-metadata.ts), so the panel can say so under the answer and stored
 * conversations can record it.
 */
export const AnsweringAssistant = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
});
export type AnsweringAssistant = z.infer<typeof AnsweringAssistant>;

export const AssistantMetadata = z.object({
  assistant: AnsweringAssistant,
  /** The alias the answer runs on (an assistant on an alias the deployment lacks runs on `default`). */
  modelAlias: z.string(),
});
export type AssistantMetadata = z.infer<typeof AssistantMetadata>;
