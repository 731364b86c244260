import { isStepCount, type ModelMessage, type UIMessage, type UIMessageChunk } from 'ai';
import type { ActionOptions } from '../../shared/actions';
import type { AssistantMetadata, AssistantSpec, QuickActionSpec } from '../../shared/assistants';
import type { ChatMessage } from '../../shared/chat';
import type { PageContext } from '../../shared/page-context';
import { knowledgeQueryFor } from '../actions/page-facts';
import { actionInstructions } from '../actions/prompt';
import type { Config } from '../config';
import type { Identity } from '../context';
import type { Env } from '../env';
import { conversationFrom, historyNoticeChunks } from '../http/ui-messages';
import { pageSource, sourceChunk } from '../knowledge/citations';
import { RetrievalCoverage } from '../knowledge/coverage';
import { fallbackResponse, fallbackText, textChunks } from '../knowledge/fallback';
import { knowledgeForPrompt } from '../knowledge/for-prompt';
import { standaloneQuery } from '../knowledge/standalone-query';
import { streamAnswer } from '../models/stream-answer';
import { currentUsage } from '../oversight/usage-tracker';
import { withHistoryNote } from '../prompt/history-budget';
import { chatInstructions } from '../prompt/instructions';
import { claimApprovals, recordApprovalRequests } from '../tools/approvals';
import { CitationCounter } from '../tools/citation-counter';
import { toolsFor } from '../tools/registry';
import type { ToolContext } from '../tools/types';
import type { ResolvedAssistant } from './catalog';
import { assessesConfidence, combinedGrants, HandoffSession, handoffTarget } from './handoff';
import { assistantSpaces } from './knowledge-scope';
import { modelFor } from './model';
import { assistantSection } from './prompt';

/** Model steps per chat answer: up to three knowledge searches, then the answer. */
const MAX_STEPS = 4;
/** Drafts cite a few passages at most; more would crowd the page out of the prompt. */
const TASK_PASSAGES = 4;

/** A question in the conversation (`POST /v1/chat`). */
export interface ChatTurn {
  kind: 'chat';
  messages: readonly ChatMessage[];
  page?: PageContext | undefined;
  /** The panel's chat id: tool approvals are bound to it. */
  conversationId: string;
}

/** A one-click task of the assistant (`POST /v1/actions/:id`). */
export interface TaskTurn {
  kind: 'task';
  action: QuickActionSpec;
  page: PageContext;
  options: ActionOptions;
  /** The conversation the task continues; absent = the task's own request. */
  messages?: readonly ChatMessage[] | undefined;
}

export interface RunAssistantInput {
  env: Env;
  config: Config;
  identity: Identity;
  /** The incoming request: its abort signal cancels the model call. */
  request: Request;
  assistant: ResolvedAssistant;
  turn: ChatTurn | TaskTurn;
}

/** What ran, for the route's response and for whoever records it (conversations, usage, audit). */
export interface AssistantRun {
  response: Response;
  assistantId: string;
  /** The revision of an admin-defined assistant; built-ins report 1. */
  assistantVersion: number;
  /** The alias the answer ran on (the assistant's, or `default` when the deployment lacks it). */
  modelAlias: string;
  /** The provider's model id asked first; undefined when no model is configured. The answer's metadata names
   * the model that actually answered (`answeredBy`), which differs after a fallback. */
  model: string | undefined;
  /** The quick action, for task turns. */
  actionId?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

function userTurns(messages: readonly UIMessage[]): string[] {
  return messages.filter((message) => message.role === 'user').map(userText);
}

function userText(message: UIMessage | undefined): string {
  return (message?.parts ?? [])
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('\n')
    .trim();
}

/**
 * The one pipeline behind chat and quick actions: the assistant's instructions, its knowledge scope (its spaces ∩
 * the caller's ∩ the customer-safe ones when customer-facing), its model alias and only the tools it lists. The
 * stream's metadata names the assistant and the model that answered.
 */
export async function runAssistant(input: RunAssistantInput): Promise<AssistantRun> {
  const { spec, version } = input.assistant;
  const model = modelFor(input.config, spec.model);
  const metadata: AssistantMetadata = { assistant: { id: spec.id, name: spec.name, version }, modelAlias: model.alias };
  const usage = currentUsage();
  if (usage) usage.assistant = spec.id;
  const response =
    input.turn.kind === 'chat'
      ? await chat(input, input.turn, model.alias, metadata)
      : await task(input, input.turn, model.alias, metadata);
  return {
    response,
    assistantId: spec.id,
    assistantVersion: version,
    modelAlias: model.alias,
    model: model.firstModel,
    ...(input.turn.kind === 'task' ? { actionId: input.turn.action.id } : {}),
  };
}

async function chat(
  input: RunAssistantInput,
  turn: ChatTurn,
  modelAlias: string,
  metadata: AssistantMetadata,
): Promise<Response> {
  const { env, config, identity } = input;
  const { spec } = input.assistant;
  const within = assistantSpaces(spec, config);
  const scope = { db: env.DB, identity, conversationId: turn.conversationId, assistantId: spec.id };
  // Approve / Deny answers are checked against what the server itself asked, for this assistant's own tools.
  const approvals = await claimApprovals(turn.messages, scope, spec.tools);
  const conversation = await conversationFrom(turn.messages, config.historyTokenBudget, approvals);
  const messages = conversation.ui;
  // After Approve / Deny the same answer continues: its knowledge and sources were sent with its first part.
  const continuing = approvals.size > 0;

  // Every question that needs knowledge gets it up front (and its sources in the stream), searched with a
  // standalone query built from the conversation ("and for three years?" carries "multi-year discount"); a
  // request about the answer itself ("shorter please") costs no search. The tool stays for further searches.
  const search = continuing ? undefined : standaloneQuery(userTurns(messages));
  const knowledge = search
    ? await knowledgeForPrompt({ env, config, identity, query: search.query, ...(within ? { within } : {}) })
    : undefined;
  const sources = knowledge?.sources ?? [];
  const counter = new CitationCounter(sources.length + 1);
  // An assistant that reports its confidence may hand a new question on (not the continuation after Approve / Deny).
  const assesses = !continuing && assessesConfidence(spec);
  const target = assesses ? await handoffTarget(env.DB, identity, spec) : undefined;
  const coverage = new RetrievalCoverage();
  coverage.note(knowledge?.coverage ?? 0);
  const context: ToolContext = {
    env,
    config,
    identity,
    counter,
    within,
    page: turn.page,
    assistantId: spec.id,
    conversationId: turn.conversationId,
    coverage,
  };
  const offered = await toolsFor(target ? combinedGrants(spec.tools, target.spec.tools) : spec.tools, context);
  const prelude: UIMessageChunk[] = [
    ...historyNoticeChunks(conversation.history),
    ...(turn.page && !continuing ? [sourceChunk(pageSource(turn.page))] : []),
    ...(knowledge?.chunks ?? []),
  ];
  const hasTools = Object.keys(offered.tools).length > 0;
  const instructionsFor = (answering: AssistantSpec, withKnowledge = true) =>
    withHistoryNote(
      [
        chatInstructions({
          page: turn.page,
          pageTokenBudget: config.pageTokenBudget,
          today: today(),
          knowledge: withKnowledge ? (knowledge?.block ?? '') : '',
          canSearch: answering.tools.some((grant) => grant.id === 'search_knowledge'),
        }),
        assistantSection(answering),
      ].join('\n\n'),
      conversation.history,
    );
  const handoff = assesses
    ? new HandoffSession({
        config,
        from: input.assistant,
        to: target,
        context,
        scope,
        messages: conversation.model,
        instructionsFor,
        metadata,
        tools: offered.tools,
      })
    : undefined;
  const approvalsOf = (stream: ReadableStream<UIMessageChunk>) => recordApprovalRequests(stream, scope, offered);

  return streamAnswer({
    config,
    request: input.request,
    instructions: instructionsFor(spec),
    messages: conversation.model,
    originalMessages: messages,
    ...(hasTools
      ? {
          tools: offered.tools,
          stopWhen: handoff?.stopWhen ?? isStepCount(MAX_STEPS),
          transform: handoff ? (stream) => handoff.transform(approvalsOf(stream)) : approvalsOf,
        }
      : {}),
    ...(handoff ? { prepareStep: handoff.prepareStep } : {}),
    prelude,
    modelAlias,
    metadata: handoff?.metadata ?? metadata,
    // No model: the passages themselves, clearly labelled; with nothing to show, the usual "set a model" error.
    ...(sources.length > 0
      ? {
          withoutModel: () =>
            fallbackResponse({
              prelude,
              text: fallbackText(
                sources,
                'An administrator can configure an AI model (OPENAI_API_KEY or OPENAI_BASE_URL) to get written answers.',
              ),
              originalMessages: messages,
            }),
          onModelFailure: () => textChunks(fallbackText(sources)),
        }
      : {}),
  });
}

async function taskConversation(turn: TaskTurn, historyTokenBudget: number) {
  if (!turn.messages) {
    // The panel shows the request as the person's words; the model gets it as a sentence.
    const text = /[.!?]$/.test(turn.action.request) ? turn.action.request : `${turn.action.request}.`;
    const request: ModelMessage = { role: 'user', content: text };
    return { messages: [request], originalMessages: undefined, history: { omitted: 0, total: 1, shortened: 0 } };
  }
  const conversation = await conversationFrom(turn.messages, historyTokenBudget);
  return { messages: conversation.model, originalMessages: conversation.ui, history: conversation.history };
}

async function task(
  input: RunAssistantInput,
  turn: TaskTurn,
  modelAlias: string,
  metadata: AssistantMetadata,
): Promise<Response> {
  const { env, config, identity } = input;
  const { spec } = input.assistant;
  const { action } = turn;
  const conversation = await taskConversation(turn, config.historyTokenBudget);
  // A customer-facing task grounds only in customer-safe spaces: its query is built from the customer's own words,
  // so without that limit a customer could pull an internal passage into the reply written to them. A failed
  // search grounds the draft in the page alone, and NO_KNOWLEDGE then forbids stating any policy or price.
  const within = assistantSpaces(spec, config, { customerFacing: action.customerFacing });
  const grounding = action.grounded
    ? await knowledgeForPrompt({
        env,
        config,
        identity,
        query: knowledgeQueryFor(turn.page),
        k: TASK_PASSAGES,
        ...(within ? { within } : {}),
      })
    : { block: '', chunks: [] };

  return streamAnswer({
    config,
    request: input.request,
    instructions: withHistoryNote(
      actionInstructions({
        action,
        assistant: assistantSection(spec),
        page: turn.page,
        options: turn.options,
        knowledge: grounding.block,
        today: today(),
        pageTokenBudget: config.pageTokenBudget,
      }),
      conversation.history,
    ),
    messages: conversation.messages,
    ...(conversation.originalMessages ? { originalMessages: conversation.originalMessages } : {}),
    prelude: [...historyNoticeChunks(conversation.history), ...grounding.chunks],
    modelAlias,
    metadata,
  });
}
