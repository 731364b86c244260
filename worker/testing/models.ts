import { AnswerMetadata } from '../../shared/answer-metadata';
import type { Env } from '../env';
import { call, jsonInit, readUIStream, testEnv, type UIChunk, upstreamRequests, userMessage } from './support';

/**
 * What the model-wire tests share: an environment configured through MODELS (plus the secrets its providers name),
 * one question through /v1/chat, which model answered, and the requests that crossed the wire to the test upstream.
 */

export interface ModelsSettings {
  providers: Record<string, Record<string, unknown>>;
  aliases: Record<string, string[]>;
}

/** The test environment with `MODELS` set, and any other settings (the providers' key secrets, overrides). */
export function modelsEnv(models: ModelsSettings, settings: Record<string, string> = {}): Promise<Env> {
  return testEnv({ MODELS: JSON.stringify(models), ...settings } as Partial<Env>);
}

/** Asks one question and reads the whole UI message stream (the response must be a 200 stream). */
export async function askChat(text: string, environment: Env): Promise<UIChunk[]> {
  const response = await call('/v1/chat', jsonInit({ messages: [userMessage(text)] }), environment);
  if (response.status !== 200) throw new Error(`/v1/chat answered ${response.status}: ${await response.text()}`);
  return readUIStream(response);
}

/** The alias, provider and model the stream's finish metadata says answered. */
export function answeredBy(chunks: UIChunk[]) {
  return AnswerMetadata.parse(chunks.find((chunk) => chunk.type === 'finish')?.messageMetadata ?? {}).answeredBy;
}

/** A request as the test upstream logged it, with what the provider wires need checked. */
export interface WireRequest {
  path: string;
  query: string;
  headers: Record<string, string>;
  aborted: boolean;
  body: Record<string, unknown> | null;
}

/** The model requests (embeddings left out) whose body carried `marker`, oldest first. */
export async function modelRequestsCarrying(marker: string): Promise<WireRequest[]> {
  const requests = (await upstreamRequests()) as unknown as WireRequest[];
  return requests.filter(
    (request) => !request.path.endsWith('/embeddings') && JSON.stringify(request.body).includes(marker),
  );
}
