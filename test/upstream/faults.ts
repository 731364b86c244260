/**
 * Faults queued from the test (`upstream.failNext(...)`), independent of message directives — the only
 * way to script /v1/embeddings, whose input a test often does not control, or to fail just the first
 * attempt of a request that the client retries with the same body.
 */

export interface Fault {
  /** Only requests to this path match: "/v1/embeddings" or, equivalently, "/embeddings". Default: any API path. */
  path?: string;
  /** Respond with this status (default 500 when `body` is given). Without status and body, only `delayMs` applies. */
  status?: number;
  /** Wait this long before answering (or before normal processing when there is no status). */
  delayMs?: number;
  /** How many matching requests the fault applies to (default 1). */
  count?: number;
  /** Raw response body instead of the OpenAI error JSON (e.g. to send malformed JSON). */
  body?: string;
}

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

function matches(fault: Fault, path: string): boolean {
  if (fault.path === undefined) return true;
  return path === fault.path || path === `/v1${fault.path.startsWith('/') ? '' : '/'}${fault.path}`;
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(fault: Fault): void {
    const count = fault.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext: count must be a positive integer`);
    if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
      throw new RangeError(`failNext: status must be an HTTP status code`);
    }
    this.queue.push({ fault, remaining: count });
  }

  /** The first queued fault matching `path`, consumed once; faults are taken in the order they were queued. */
  take(path: string): Fault | undefined {
    const index = this.queue.findIndex((queued) => matches(queued.fault, path));
    if (index < 0) return undefined;
    const queued = this.queue[index]!;
    queued.remaining -= 1;
    if (queued.remaining === 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  clear(): void {
    this.queue = [];
  }

  get size(): number {
    return this.queue.length;
  }
}
