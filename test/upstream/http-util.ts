import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies above this are refused with 413, so a runaway test cannot exhaust memory. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`Request body exceeds ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    // A client that vanishes mid-upload may close without 'end' or 'error'; never leave the caller waiting.
    req.on('close', () => reject(new Error('Connection closed before the request body was complete')));
  });
}

/** The error `type` OpenAI uses for a status; the AI SDK only needs `message`, but clients log `type`. */
export function errorTypeFor(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function errorCodeFor(status: number): string {
  if (status === 401) return 'invalid_api_key';
  if (status === 429) return 'rate_limit_exceeded';
  if (status === 503) return 'service_unavailable';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function openAIErrorBody(status: number, message: string, code: string = errorCodeFor(status)): string {
  return JSON.stringify({ error: { message, type: errorTypeFor(status), param: null, code } });
}

/** Headers every error carries; 429 adds `retry-after` like OpenAI so clients' back-off paths get exercised. */
export function errorHeaders(status: number): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (status === 429) headers['retry-after'] = '1';
  return headers;
}

export function sendError(res: ServerResponse, status: number, message: string, code?: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, errorHeaders(status));
  res.end(openAIErrorBody(status, message, code));
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** Resolves after `ms`, or as soon as `signal` aborts (so a disconnected client frees its timers at once). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves when `signal` aborts: how `[[hang]]` waits for the client to go away. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * Writes a piece of the response body. Waits for 'drain' under back-pressure (or for the connection
 * to close, so a vanished client cannot leave us waiting forever); with `flush`, waits until the data
 * has been handed to the socket — needed before deliberately destroying it.
 */
export function writeChunk(res: ServerResponse, data: string, flush = false): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let settled = false;
    let waitingForDrain = false;
    let waitingForFlush = flush;
    const done = () => {
      if (settled) return;
      settled = true;
      res.off('drain', onDrain);
      res.off('close', done);
      resolve();
    };
    const onDrain = () => {
      waitingForDrain = false;
      if (!waitingForFlush) done();
    };
    // Node calls the write callback asynchronously, so the flags below are set before it can run.
    const accepted = res.write(data, () => {
      waitingForFlush = false;
      if (!waitingForDrain) done();
    });
    if (accepted && !flush) return done();
    waitingForDrain = !accepted;
    if (waitingForDrain) res.on('drain', onDrain);
    res.on('close', done);
  });
}
