import { DefaultChatTransport, type UIMessage } from 'ai';
import { toWireMessages } from '../../shared/chat';
import { CONVERSATION_HEADER } from '../../shared/conversations';
import { checkServerUrl } from '../../shared/server-url';
import { authorizationHeader } from '../auth/client';
import { InsecureServerError } from './errors';
import { routeRequest } from './route-request';
import { currentWorkerUrl } from './settings';

/**
 * The transport useChat talks through. Before every request the background hands over a fresh token (renewing it
 * first when it is about to expire) and the server address is read again, so a sign-in or a changed setting
 * applies to the next question without reloading the panel.
 */
/** The stored conversation a transport continues: read before each question, told after each answer. */
export interface StoredConversation {
  currentId(): string | undefined;
  stored(id: string): void;
}

export function createChatTransport(path = '/v1/chat', conversation?: StoredConversation) {
  return new DefaultChatTransport<UIMessage>({
    api: path,
    headers: authorizationHeader,
    // Quick actions share this transport (and so the conversation): route-request.ts sends them to their route.
    // The worker accepts text and approval answers only (shared/chat.ts): sources, tool calls and notices the
    // panel shows stay here.
    prepareSendMessagesRequest: ({ api, id, messages, body, trigger, messageId }) => {
      const routed = routeRequest(api, body);
      const conversationId = conversation?.currentId();
      return {
        api: routed.api,
        body: {
          ...routed.body,
          id,
          messages: toWireMessages(messages),
          trigger,
          messageId,
          ...(conversationId ? { conversationId } : {}),
        },
      };
    },
    fetch: async (input, init) => {
      const base = await currentWorkerUrl();
      // An address stored before the options page checked it must not receive the token in clear text either.
      const checked = checkServerUrl(base);
      if (!checked.ok) throw new InsecureServerError(checked.message);
      const url = typeof input === 'string' && input.startsWith('/') ? `${base}${input}` : input;
      const response = await fetch(url, init);
      // The worker stored the turn: the next question continues that conversation (a reload reopens it).
      const stored = response.headers.get(CONVERSATION_HEADER);
      if (stored && response.ok) conversation?.stored(stored);
      return response;
    },
  });
}
