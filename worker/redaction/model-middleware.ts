import type { LanguageModelMiddleware } from 'ai';
import type { Redactor } from './redact';
import { StreamRestorer } from './restore-stream';

/** Fields of a prompt that are structure, not text: never rewritten. */
const structural = new Set(['type', 'role', 'toolCallId', 'toolName', 'mediaType', 'providerOptions', 'id']);

function visitStrings(value: unknown, visit: (text: string) => string): unknown {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.map((item) => visitStrings(item, visit));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof URL)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = structural.has(key) ? item : visitStrings(item, visit);
    return copy;
  }
  return value;
}

type Prompt = Parameters<NonNullable<LanguageModelMiddleware['transformParams']>>[0]['params']['prompt'];

/**
 * The one point where text leaves for the model: every step of every call (instructions, page, selection,
 * history, knowledge passages, tool calls and tool results) passes through `transformParams`, so nothing is
 * sent unredacted whatever the route. Numbering reads the conversation first and the instructions last, so
 * values in the history keep their placeholders from turn to turn. Streamed text comes back with the real
 * values, placeholders split across deltas included; tool calls get the real values too, so a knowledge search
 * for `[EMAIL_1]` searches for the address.
 */
export function redactionMiddleware(redactor: Redactor): LanguageModelMiddleware {
  const redactPrompt = (prompt: Prompt): Prompt => {
    const register = (text: string) => {
      redactor.register(text);
      return text;
    };
    for (const message of prompt) if (message.role !== 'system') visitStrings(message.content, register);
    for (const message of prompt) if (message.role === 'system') redactor.register(message.content);
    return visitStrings(prompt, (text) => redactor.redact(text)) as Prompt;
  };

  return {
    transformParams: async ({ params }) => ({ ...params, prompt: redactPrompt(params.prompt) }),
    wrapGenerate: async ({ doGenerate }) => {
      const result = await doGenerate();
      return {
        ...result,
        content: result.content.map((part) =>
          part.type === 'text' || part.type === 'reasoning'
            ? { ...part, text: redactor.restore(part.text) }
            : part.type === 'tool-call'
              ? { ...part, input: redactor.restore(part.input) }
              : part,
        ),
      };
    },
    wrapStream: async ({ doStream }) => {
      const { stream, ...rest } = await doStream();
      const restorers = new Map<string, StreamRestorer>();
      const restorer = (id: string) => {
        let known = restorers.get(id);
        if (!known) {
          known = new StreamRestorer(redactor);
          restorers.set(id, known);
        }
        return known;
      };
      type Part = typeof stream extends ReadableStream<infer P> ? P : never;
      return {
        ...rest,
        stream: stream.pipeThrough(
          new TransformStream<Part, Part>({
            transform(part, controller) {
              if (part.type === 'text-delta' || part.type === 'reasoning-delta') {
                const delta = restorer(part.id).push(part.delta);
                if (delta) controller.enqueue({ ...part, delta });
              } else if (part.type === 'text-end' || part.type === 'reasoning-end') {
                const rest = restorer(part.id).flush();
                if (rest)
                  controller.enqueue({
                    type: part.type === 'text-end' ? 'text-delta' : 'reasoning-delta',
                    id: part.id,
                    delta: rest,
                  } as Part);
                controller.enqueue(part);
              } else if (part.type === 'tool-call') {
                controller.enqueue({ ...part, input: redactor.restore(part.input) });
              } else controller.enqueue(part);
            },
          }),
        ),
      };
    },
  };
}
