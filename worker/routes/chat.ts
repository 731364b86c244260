import { isStepCount, type UIMessage, type UIMessageChunk } from 'ai';
import { Hono } from 'hono';
import { ChatRequest } from '../../shared/chat';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { startTurn } from '../conversations/record-turn';
import { conversationFrom, historyNoticeChunks } from '../http/ui-messages';
import { pageSource, sourceChunk } from '../knowledge/citations';
import { fallbackResponse, fallbackText, textChunks } from '../knowledge/fallback';
import { knowledgeForPrompt } from '../knowledge/for-prompt';
import { standaloneQuery } from '../knowledge/standalone-query';
import { jsonBody } from '../middleware/validate';
import { streamAnswer } from '../models/stream-answer';
import { withHistoryNote } from '../prompt/history-budget';
import { chatInstructions } from '../prompt/instructions';
import { claimApprovals, recordApprovalRequests } from '../tools/approvals';
import { CitationCounter } from '../tools/citation-counter';
import { toolsFor } from '../tools/registry';

/** Model steps per answer: up to three knowledge searches, then the answer. */
const MAX_STEPS = 4;

/** The assistants' tools until assistants are specs of their own: General reads; Sales also works in the CRM. */
const CHAT_ASSISTANTS = {
  general: { id: 'general', tools: [{ id: 'search_knowledge' }, { id: 'read_page' }] },
  sales: {
    id: 'sales',
    tools: [
      { id: 'search_knowledge' },
      { id: 'read_page' },
      { id: 'mcp:crm/lookup_account' },
      { id: 'mcp:crm/update_stage' },
    ],
  },
} as const;

function userTurns(messages: readonly UIMessage[]): string[] {
  return messages.filter((message) => message.role === 'user').map(userText);
}

function userText(message: UIMessage | undefined): string {
  return (message?.parts ?? [])
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('\n')
    .trim();
}

export const chatRoutes = new Hono<AppEnv>().post('/', ...jsonBody(ChatRequest), async (c) => {
  const body = c.req.valid('json');
  const config = readConfig(c.env);
  const identity = c.get('identity');
  const turn = await startTurn(c, body);

  // Until the panel has an assistant picker: Sales on a CRM record, General elsewhere.
  const assistantId = body.assistantId ?? (body.page?.kind === 'record' ? 'sales' : 'general');
  const assistant = assistantId === 'sales' ? CHAT_ASSISTANTS.sales : CHAT_ASSISTANTS.general;
  const conversationId = body.id ?? '';
  const scope = { db: c.env.DB, identity, conversationId, assistantId: assistant.id };
  const approvals = await claimApprovals(body.messages, scope, assistant.tools);
  const conversation = await conversationFrom(body.messages, config.historyTokenBudget, approvals);
  const messages = conversation.ui;
  // After Approve / Deny the same answer continues: its knowledge and sources were sent with its first part.
  const continuing = approvals.size > 0;

  // Every question that needs knowledge gets it up front (and its sources in the stream), searched with a
  // standalone query built from the conversation ("and for three years?" carries "multi-year discount"); a
  // request about the answer itself ("shorter please") costs no search. The tool stays for further searches.
  const search = continuing ? undefined : standaloneQuery(userTurns(messages));
  const knowledge = search
    ? await knowledgeForPrompt({ env: c.env, config, identity, query: search.query })
    : undefined;
  const sources = knowledge?.sources ?? [];
  const counter = new CitationCounter(sources.length + 1);
  const offered = await toolsFor(assistant.tools, {
    env: c.env,
    config,
    identity,
    counter,
    page: body.page,
    assistantId: assistant.id,
    conversationId,
  });
  const prelude: UIMessageChunk[] = [
    ...historyNoticeChunks(conversation.history),
    ...(body.page && !continuing ? [sourceChunk(pageSource(body.page))] : []),
    ...(knowledge?.chunks ?? []),
  ];

  const answer = streamAnswer({
    config,
    request: c.req.raw,
    instructions: withHistoryNote(
      chatInstructions({
        page: body.page,
        pageTokenBudget: config.pageTokenBudget,
        today: new Date().toISOString().slice(0, 10),
        knowledge: knowledge?.block ?? '',
        canSearch: true,
      }),
      conversation.history,
    ),
    messages: conversation.model,
    originalMessages: messages,
    tools: offered.tools,
    stopWhen: isStepCount(MAX_STEPS),
    prelude,
    transform: (stream) => recordApprovalRequests(stream, scope, offered),
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
  return turn.record(answer, { assistant: assistant.id });
});
