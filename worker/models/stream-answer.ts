import {
  type LanguageModel,
  type ModelMessage,
  type StopCondition,
  streamText,
  type ToolSet,
  toUIMessageStream,
  type UIMessage,
  type UIMessageChunk,
  wrapLanguageModel,
} from 'ai';
import type { AnswerMetadata } from '../../shared/answer-metadata';
import type { Config } from '../config';
import { ApiError } from '../http/api-error';
import { guardUIStream } from '../http/guard-stream';
import { errorStreamResponse, uiStreamResponse } from '../http/ui-stream';
import { modelUsageReporter } from '../oversight/model-usage';
import { redactionMiddleware } from '../redaction/model-middleware';
import { Redactor } from '../redaction/redact';
import { aliasFromConfig } from './catalog';
import { describeModelError, streamErrorText } from './errors';
import { fallbackModel } from './fallback-model';
import { fallbackOnError } from './fallback-on-error';
import { DEFAULT_ALIAS, type ModelRef } from './settings';

export const NO_MODEL_MESSAGE =
  'No AI model is configured on this Beside server. An administrator must set OPENAI_API_KEY (OpenAI) or ' +
  'OPENAI_BASE_URL (any OpenAI-compatible server), and optionally CHAT_MODEL — in .dev.vars for `npm run dev`, ' +
  'or with `wrangler secret put` on Cloudflare.';

export interface StreamAnswerOptions {
  config: Config;
  request: Request;
  /** The model alias to answer with (a fallback chain in MODELS); `default` when not given. */
  modelAlias?: string;
  instructions: string;
  messages: ModelMessage[];
  /** The conversation so far, so the stream's message id and parts continue it. */
  originalMessages?: UIMessage[];
  tools?: ToolSet;
  stopWhen?: StopCondition<ToolSet>;
  /** Parts to send before the model's answer (e.g. the sources retrieved for it). */
  prelude?: UIMessageChunk[];
  /** Called instead of the "no model" error when no model is configured (e.g. to answer from the knowledge base). */
  withoutModel?: () => Response;
  /** Parts sent ahead of the error when the model fails before writing text (e.g. the retrieved passages). */
  onModelFailure?: () => UIMessageChunk[];
  /** Sees the answer's parts on their way out (e.g. to record the approvals the answer asks for). */
  transform?: (stream: ReadableStream<UIMessageChunk>) => ReadableStream<UIMessageChunk>;
  /**
   * More message metadata, sent on the answer's `start` and `finish` parts (e.g. which assistant answered). A
   * function is read for each part, so an answer that changes hands (a hand-off) names on `finish` who ended it.
   */
  metadata?: Record<string, unknown> | (() => Record<string, unknown>);
  /**
   * Called before each model step; may switch the alias the step runs on (through the same fallback chain and
   * redaction as the first), its instructions, messages and active tools — how a hand-off continues the answer.
   */
  prepareStep?: (step: { stepNumber: number }) => StepPlan | undefined | Promise<StepPlan | undefined>;
}

/** What prepareStep may change for a step (instructions and messages carry forward to later steps). */
export interface StepPlan {
  modelAlias?: string;
  instructions?: string;
  messages?: ModelMessage[];
  activeTools?: string[];
}

/**
 * The one way the worker streams a model answer to the panel (chat and quick actions): timeout, cancellation
 * when the person goes away, errors as readable stream parts, and logs that never contain the prompt.
 */
export function streamAnswer(options: StreamAnswerOptions): Response {
  const { config } = options;
  const alias = options.modelAlias ?? DEFAULT_ALIAS;
  const resolved = aliasFromConfig(config, alias);
  if (!resolved) {
    if (alias !== DEFAULT_ALIAS)
      return errorStreamResponse('model_not_configured', `The model alias "${alias}" is not configured (MODELS).`);
    return options.withoutModel?.() ?? errorStreamResponse('model_not_configured', NO_MODEL_MESSAGE);
  }
  const { redaction } = config;
  if (redaction.problem) {
    // Normally refused earlier for every route (Config.problems); never send text unredacted because of a bad setting.
    throw new ApiError({
      status: 503,
      code: 'server_misconfigured',
      title: 'Server misconfigured',
      detail: redaction.problem.message,
    });
  }
  // The alias's chain as one model; the last model that started answering is named in the message metadata.
  let answeredBy: (ModelRef & { alias: string }) | undefined;
  // With REDACT=pii every step of the call passes through the redaction middleware: one Redactor per request,
  // so placeholders stay consistent across tool steps (and across aliases) and nothing personal is kept after.
  const redactor = redaction.mode === 'pii' ? new Redactor(redaction.detectors) : undefined;
  const models = new Map<string, LanguageModel>();
  const modelOf = (name: string, chain: typeof resolved.chain): LanguageModel => {
    const cached = models.get(name);
    if (cached) return cached;
    const chat = fallbackModel({
      alias: name,
      chain,
      firstTokenTimeoutMs: config.model.firstTokenTimeoutMs,
      onAnswer: (ref) => {
        answeredBy = { ...ref, alias: name };
      },
    });
    const built = redactor ? wrapLanguageModel({ model: chat, middleware: redactionMiddleware(redactor) }) : chat;
    models.set(name, built);
    return built;
  };
  const model = modelOf(alias, resolved.chain);
  const metadataNow = () => (typeof options.metadata === 'function' ? options.metadata() : options.metadata);
  const prepareStep = options.prepareStep;

  // Stop, a closed panel or a timeout must cancel the upstream call too, not leave it running.
  const upstream = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    upstream.abort(new DOMException('The model call timed out', 'TimeoutError'));
  }, config.model.timeoutMs);
  const signal = AbortSignal.any([options.request.signal, upstream.signal]);
  const usage = modelUsageReporter(config.model.chatModel);

  const result = streamText({
    model,
    instructions: options.instructions,
    messages: options.messages,
    ...(options.tools ? { tools: options.tools } : {}),
    ...(options.stopWhen ? { stopWhen: options.stopWhen } : {}),
    ...(prepareStep
      ? {
          prepareStep: async ({ stepNumber }: { stepNumber: number }) => {
            const plan = await prepareStep({ stepNumber });
            if (!plan) return undefined;
            const { modelAlias, ...rest } = plan;
            const other = modelAlias && modelAlias !== alias ? aliasFromConfig(config, modelAlias) : undefined;
            return { ...rest, ...(other ? { model: modelOf(modelAlias as string, other.chain) } : {}) };
          },
        }
      : {}),
    abortSignal: signal,
    // A chain already moves on to the next model; retrying the whole chain would only double the wait.
    maxRetries: resolved.chain.length > 1 ? 0 : 1,
    ...usage.callbacks,
    // The SDK's default logs the whole error, request body (page text) included; log only what went wrong.
    onError: ({ error }) => {
      usage.ended();
      console.warn(JSON.stringify({ event: 'model_error', ...describeModelError(error, signal) }));
    },
  });

  const describe = (error: unknown) => streamErrorText(error, signal);
  const uiStream = toUIMessageStream({
    stream: result.stream,
    ...(options.originalMessages ? { originalMessages: options.originalMessages } : {}),
    // The server names each answer, so feedback and usage refer to the same message id.
    generateMessageId: () => crypto.randomUUID(),
    onError: describe,
    messageMetadata: ({ part }): AnswerMetadata | undefined => {
      if (part.type === 'start') return metadataNow();
      if (part.type !== 'finish') return undefined;
      const metadata = metadataNow();
      const answered = answeredBy && {
        alias: answeredBy.alias,
        provider: answeredBy.provider,
        model: answeredBy.model,
      };
      return answered || metadata ? { ...metadata, ...(answered ? { answeredBy: answered } : {}) } : undefined;
    },
    onEnd: () => clearTimeout(timer),
  });
  const answer = options.transform ? options.transform(uiStream) : uiStream;
  const stream = options.prelude?.length ? prepend(options.prelude, answer) : answer;
  const guarded = guardUIStream(stream, { controller: upstream, timedOut: () => timedOut, describe });
  return uiStreamResponse(options.onModelFailure ? fallbackOnError(guarded, options.onModelFailure) : guarded);
}

/** Emits `first` parts after the answer's `start` part (the panel expects `start` to open the message). */
function prepend(first: UIMessageChunk[], rest: ReadableStream<UIMessageChunk>): ReadableStream<UIMessageChunk> {
  let sent = false;
  return rest.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        if (!sent && chunk.type === 'start') {
          sent = true;
          for (const part of first) controller.enqueue(part);
        }
      },
      flush(controller) {
        if (!sent) for (const part of first) controller.enqueue(part);
      },
    }),
  );
}
