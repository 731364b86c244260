import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { describeModelError } from './errors';
import { shouldTryNextModel } from './next-model';
import type { ModelRef } from './settings';

export interface ChainModel {
  ref: ModelRef;
  model: LanguageModelV4;
}

export interface FallbackOptions {
  alias: string;
  chain: readonly ChainModel[];
  /** How long a model that is not the last of the chain may take to send its first token before the next is tried. */
  firstTokenTimeoutMs: number;
  /** Called with the model that is answering, once its first token has arrived (per step of a tool loop). */
  onAnswer?: (ref: ModelRef) => void;
}

/** Parts that carry nothing the person would see: a model may still be swapped after them. */
const PRELIMINARY = new Set<LanguageModelV4StreamPart['type']>([
  'stream-start',
  'response-metadata',
  'text-start',
  'reasoning-start',
  'ping',
  'raw',
]);

/**
 * An alias as one language model: each call goes to the first model of the chain; on a 429, 5xx, timeout or
 * connection error *before the first token* the next model is tried. The stream is held back until its first
 * token (or its end), so a failed attempt has sent nothing downstream. After the first token, an error ends
 * the answer as it always did: switching models halfway through a sentence would garble it.
 */
export function fallbackModel(options: FallbackOptions): LanguageModelV4 {
  const { chain, alias } = options;
  const first = chain[0];
  if (!first) throw new RangeError(`The alias "${alias}" has no model.`);
  if (chain.length === 1) return options.onAnswer ? named(alias, first, options.onAnswer) : first.model;
  return {
    specificationVersion: 'v4',
    provider: 'beside.alias',
    modelId: alias,
    // Text-only prompts: no URL is passed through to a provider, whichever model answers.
    supportedUrls: {},
    doGenerate: (call) => attempt(options, call, generateOnce),
    doStream: (call) => attempt(options, call, streamUntilFirstToken),
  };
}

/**
 * A one-model alias has nothing to fall back to, so nothing is held back until the first token (that costs a
 * stream of its own on every answer): the model is named as soon as it has accepted the call.
 */
function named(alias: string, { ref, model }: ChainModel, onAnswer: (ref: ModelRef) => void): LanguageModelV4 {
  return {
    specificationVersion: 'v4',
    provider: 'beside.alias',
    modelId: alias,
    supportedUrls: {},
    doGenerate: async (call) => {
      const result = await model.doGenerate(call);
      onAnswer(ref);
      return result;
    },
    doStream: async (call) => {
      const result = await model.doStream(call);
      onAnswer(ref);
      return result;
    },
  };
}

type Attempt<T> = (model: LanguageModelV4, call: LanguageModelV4CallOptions, isLast: boolean) => Promise<T>;

async function attempt<T>(options: FallbackOptions, call: LanguageModelV4CallOptions, run: Attempt<T>): Promise<T> {
  const { chain } = options;
  for (let index = 0; ; index++) {
    const { ref, model } = chain[index]!;
    const isLast = index === chain.length - 1;
    // The last model keeps the whole answer's timeout (the caller's signal); the others have a first-token
    // deadline, cleared once the first token is in (a timer left running would cut the answer short).
    const deadline = new AbortController();
    const timer = isLast
      ? undefined
      : setTimeout(
          () => deadline.abort(new DOMException('No first token in time', 'TimeoutError')),
          options.firstTokenTimeoutMs,
        );
    const abortSignal = call.abortSignal ? AbortSignal.any([call.abortSignal, deadline.signal]) : deadline.signal;
    try {
      const result = await run(model, { ...call, abortSignal }, isLast);
      options.onAnswer?.(ref);
      return result;
    } catch (error) {
      const cancelled = call.abortSignal?.aborted === true;
      if (isLast || cancelled || !shouldTryNextModel(error, deadline.signal)) throw error;
      const next = chain[index + 1]!.ref;
      console.warn(
        JSON.stringify({
          event: 'model_fallback',
          alias: options.alias,
          from: `${ref.provider}:${ref.model}`,
          to: `${next.provider}:${next.model}`,
          code: describeModelError(error, deadline.signal).code,
        }),
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

const generateOnce: Attempt<LanguageModelV4GenerateResult> = async (model, call) => model.doGenerate(call);

/**
 * Starts the stream and reads it up to its first token. Errors before then (thrown, or sent as an error part)
 * reject (except from the last model), so `attempt` can try the next one; the parts read so far are replayed ahead of the rest.
 */
const streamUntilFirstToken: Attempt<LanguageModelV4StreamResult> = async (model, call, isLast) => {
  const result = await model.doStream(call);
  const reader = result.stream.getReader();
  const held: LanguageModelV4StreamPart[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      // The last model's errors flow on as parts, as they would without an alias.
      if (value.type === 'error' && !isLast) throw new StreamPartError(value.error);
      held.push(value);
      if (!PRELIMINARY.has(value.type)) break;
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error instanceof StreamPartError ? error.error : error;
  }
  const stream = new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      for (const part of held) controller.enqueue(part);
    },
    async pull(controller) {
      const { value, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { ...result, stream };
};

/** An error the provider sent as a stream part, carried out of the read loop. */
class StreamPartError extends Error {
  constructor(readonly error: unknown) {
    super('stream error part');
  }
}
