import type { ChatOnFinishCallback, UIMessage } from 'ai';
import { useCallback, useState } from 'react';

/**
 * Which answers the person stopped, so the panel can say "Stopped" under them instead of leaving a half answer that
 * looks finished. An answer stopped before its first word is marked on the question it answered.
 */
export function useStoppedAnswers() {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const onFinish: ChatOnFinishCallback<UIMessage> = useCallback(({ message, messages, isAbort }) => {
    if (!isAbort) return;
    const id = messages.some((shown) => shown.id === message.id) ? message.id : messages.at(-1)?.id;
    if (id) setIds((previous) => new Set(previous).add(id));
  }, []);
  return { ids, onFinish };
}
