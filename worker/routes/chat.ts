import { isStepCount, type UIMessage, type UIMessageChunk } from 'ai';
import { Hono } from 'hono';
import { ChatRequest } from '../../shared/chat';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { conversationFrom, historyNoticeChunks } from '../http/ui-messages';
import { pageSource, sourceChunk } from '../knowledge/citations';
import { fallbackResponse, fallbackText, textChunks } from '../knowledge/fallback';
import { knowledgeForPrompt } from '../knowledge/for-prompt';
import { jsonBody } from '../middleware/validate';
import { streamAnswer } from '../models/stream-answer';
import { withHistoryNote } from '../prompt/history-budget';
import { chatInstructions } from '../prompt/instructions';
import { CitationCounter, searchKnowledgeTool } from '../tools/search-knowledge';

/** Model steps per answer: up to three knowledge searches, then the answer. */
const MAX_STEPS = 4;

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

  const conversation = await conversationFrom(body.messages, config.historyTokenBudget);
  const messages = conversation.ui;

  // The first question gets the knowledge up front (and its sources in the stream); later turns use the
  // search_knowledge tool when they need more, so a follow-up like "shorter please" costs no search.
  const firstTurn = messages.filter((message) => message.role === 'user').length === 1;
  const question = userText(messages.at(-1));
  const knowledge =
    firstTurn && question ? await knowledgeForPrompt({ env: c.env, config, identity, query: question }) : undefined;
  const sources = knowledge?.sources ?? [];
  const counter = new CitationCounter(sources.length + 1);
  const prelude: UIMessageChunk[] = [
    ...historyNoticeChunks(conversation.history),
    ...(body.page ? [sourceChunk(pageSource(body.page))] : []),
    ...(knowledge?.chunks ?? []),
  ];

  return streamAnswer({
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
    tools: { search_knowledge: searchKnowledgeTool({ env: c.env, config, identity, counter }) },
    stopWhen: isStepCount(MAX_STEPS),
    prelude,
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
});
