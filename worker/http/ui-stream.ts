import { createUIMessageStream, createUIMessageStreamResponse, type UIMessageChunk } from 'ai';
import { type ErrorCode, formatStreamError } from '../../shared/errors';
import { observedAnswer } from './answer-observers';

/**
 * workerd gzips compressible responses for clients that accept gzip and then delivers them in one piece;
 * `identity` keeps streamed answers streaming.
 */
export const STREAM_HEADERS = { 'Content-Encoding': 'identity' } as const;

/** Every answer reaches the panel through here, where the request's observers (answer-observers.ts) see it. */
export function uiStreamResponse(stream: ReadableStream<UIMessageChunk>): Response {
  return createUIMessageStreamResponse({ stream: observedAnswer(stream), headers: STREAM_HEADERS });
}

/** A stream that carries only an error part: the panel shows it in place of an answer. */
export function errorStreamResponse(code: ErrorCode, message: string): Response {
  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      writer.write({ type: 'error', errorText: formatStreamError(code, message) });
    },
  });
  return uiStreamResponse(stream);
}
