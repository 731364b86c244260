import type { UIMessage } from 'ai';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationDetail } from '../../../shared/conversations';
import { recordKey } from '../../../shared/record-key';
import type { StoredConversation } from '../../lib/chat-transport';
import { getConversation, listConversations } from '../../lib/conversations-api';
import { toUIMessage } from '../stored-messages';
import { keepsExchange, onRecordArrival } from './conversation-on-record';
import type { CaptureState } from './usePageContext';

/**
 * The conversation the chat transport continues, shared with it outside React's render: the transport reads the
 * id when it sends and reports the id the worker stored the turn in.
 */
export class ConversationLink implements StoredConversation {
  id: string | undefined;
  onStored: ((id: string | undefined) => void) | undefined;
  currentId = () => this.id;
  stored = (id: string | undefined) => {
    this.id = id;
    this.onStored?.(id);
  };
}

/** The page a capture is about, also while the person has left it out of the conversation. */
function recordKeyOf(state: CaptureState): string | undefined {
  return state.status === 'ready' || state.status === 'removed' ? recordKey(state.page) : undefined;
}

interface Options {
  link: ConversationLink;
  capture: CaptureState;
  /** An answer is streaming: the conversation on screen is not replaced under it. */
  busy: boolean;
  setMessages: (messages: UIMessage[]) => void;
  /** A stored conversation was reopened (from the history or on returning to its record). */
  onReopened?: ((conversation: ConversationDetail) => void) | undefined;
}

/**
 * Which stored conversation the panel shows. When the page beside it changes to another record, the newest
 * conversation about that record is reopened (or a fresh one begins); the worker names the conversation each answer
 * was stored in, and the next question continues it.
 */
export function useConversation({ link, capture, busy, setMessages, onReopened }: Options) {
  const [conversationId, setConversationId] = useState<string | undefined>(link.id);
  const shownRecord = useRef<string | undefined>(undefined);
  const generation = useRef(0);
  const askedHere = useRef(false);
  const key = recordKeyOf(capture);

  useEffect(() => {
    link.onStored = setConversationId;
    return () => {
      link.onStored = undefined;
    };
  }, [link]);
  const show = link.stored;
  // Read through a ref: a new callback each render must not restart the record's reopening.
  const reopened = useRef(onReopened);
  reopened.current = onReopened;
  const showStored = useCallback(
    (conversation: ConversationDetail) => {
      setMessages(conversation.messages.map(toUIMessage));
      show(conversation.id);
      reopened.current?.(conversation);
    },
    [setMessages, show],
  );

  const open = useCallback(
    async (id: string) => {
      const mine = ++generation.current;
      const conversation = await getConversation(id);
      if (mine !== generation.current) return;
      showStored(conversation);
    },
    [showStored],
  );

  useEffect(() => {
    const record = key;
    if (busy || record === undefined || shownRecord.current === record) return;
    const previous = shownRecord.current;
    const first = previous === undefined;
    shownRecord.current = record;
    if (keepsExchange({ first, askedHere: askedHere.current })) return;
    const mine = ++generation.current;
    const controller = new AbortController();
    let settled = false;
    void (async () => {
      try {
        const [latest] = await listConversations({ record, limit: 1 }, controller.signal);
        if (mine !== generation.current) return;
        const arrival = onRecordArrival({
          first,
          askedHere: askedHere.current,
          hasStored: latest !== undefined,
          continuing: link.id !== undefined,
        });
        if (arrival === 'reopen' && latest) {
          const conversation = await getConversation(latest.id, controller.signal);
          if (mine !== generation.current) return;
          showStored(conversation);
        } else if (arrival === 'fresh') {
          setMessages([]);
          show(undefined);
        }
        settled = true;
      } catch {
        // Offline or signed out: what is on screen stays; the next question says what is wrong.
      }
    })();
    return () => {
      controller.abort();
      // Interrupted before it could show anything: the record still waits for its conversation.
      if (!settled) shownRecord.current = previous;
    };
  }, [key, busy, setMessages, show, showStored, link]);

  /** The person asked something: a reopening still on its way must not replace their question. */
  const claim = useCallback(() => {
    generation.current++;
    // A question asked before the page was read belongs to the page that is then read: never wiped by it.
    askedHere.current = true;
  }, []);

  const startNew = useCallback(() => {
    generation.current++;
    askedHere.current = false;
    setMessages([]);
    show(undefined);
  }, [setMessages, show]);

  return {
    conversationId,
    open,
    claim,
    startNew,
    /** A conversation was deleted from the history: if it is the one on screen, the panel starts afresh. */
    deleted: useCallback(
      (id: string) => {
        if (link.id === id) startNew();
      },
      [startNew, link],
    ),
  };
}
