/**
 * The shared setup of worker tests: an environment per test, tokens, and readers for the two kinds of
 * answers the worker gives (problem+json and UI-message streams).
 */
import { env } from 'cloudflare:test';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { inject } from 'vitest';
import { createApp } from '../app';
import type { Env } from '../env';
import './provided-context';

export const DEV_TOKEN = 'test-dev-token';
/** The usage pseudonym key of test environments (production refuses to run without one). */
export const TEST_PSEUDONYM_KEY = 'test-usage-pseudonym-key';
export const ISSUER = 'https://login.test.example/';
export const AUDIENCE = 'beside-test';

let signingKeys: Promise<{ privateKey: CryptoKey; jwks: string }> | undefined;

/** An RS256 key pair whose public half the worker trusts through AUTH_JWKS. */
export function testKeys() {
  signingKeys ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    return { privateKey, jwks: JSON.stringify({ keys: [jwk] }) };
  })();
  return signingKeys;
}

export async function signToken(
  claims: JWTPayload = {},
  options: { expiresIn?: string; issuer?: string; audience?: string } = {},
) {
  const { privateKey } = await testKeys();
  return new SignJWT({ email: 'sam@example.com', groups: ['sales-team'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setSubject(typeof claims.sub === 'string' ? claims.sub : 'user-123')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(privateKey);
}

export const upstreamUrl = () => inject('upstreamUrl');

/** A request the test upstream received (it logs every request, to any path, in arrival order). */
export interface UpstreamRequest {
  path: string;
  method: string;
  aborted: boolean;
  body: { messages?: { role: string; content: unknown }[]; [key: string]: unknown } | null;
}

/** The test upstream's log: proves what really crossed the wire (prompts the model got, URLs fetched). */
export async function upstreamRequests(): Promise<UpstreamRequest[]> {
  const response = await fetch(`${upstreamUrl().replace(/\/v1$/, '')}/__requests`);
  return (await response.json()) as UpstreamRequest[];
}

/**
 * A development-mode environment with the dev token, the test IdP and the test upstream. The rate limiter is
 * off unless a test passes it in: tests reuse one subject far more often than a person would.
 */
export async function testEnv(overrides: Partial<Env> = {}): Promise<Env> {
  const { jwks } = await testKeys();
  return {
    ...(env as Env),
    RATE_LIMITER: undefined,
    ENVIRONMENT: 'development',
    DEV_TOKEN,
    USAGE_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    AUTH_JWKS: jwks,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    OPENAI_BASE_URL: upstreamUrl(),
    OPENAI_API_KEY: 'test-key',
    CHAT_MODEL: 'test-chat',
    EMBEDDING_MODEL: 'test-embedding',
    // Generous: a loaded machine must not turn a slow answer into a timeout (timeout tests set their own).
    MODEL_TIMEOUT_MS: '15000',
    ...overrides,
  };
}

const app = createApp();

/** Calls the worker's app in-process; `env` decides the configuration. */
export async function call(
  path: string,
  init: RequestInit = {},
  environment?: Env,
  executionCtx?: ExecutionContext,
): Promise<Response> {
  return app.request(path, init, environment ?? (await testEnv()), executionCtx);
}

/** A JSON POST; pass `null` as token to send none. */
export function jsonInit(body: unknown, token: string | null = DEV_TOKEN, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { method: 'POST', ...init, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function userMessage(text: string, id = crypto.randomUUID()) {
  return { id, role: 'user' as const, parts: [{ type: 'text' as const, text }] };
}

export interface UIChunk {
  type: string;
  delta?: string;
  errorText?: string;
  [key: string]: unknown;
}

/** Reads an SSE UI-message stream into its chunks. */
export async function readUIStream(response: Response): Promise<UIChunk[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .map((event) => event.replace(/^data: /, '').trim())
    .filter((data) => data && data !== '[DONE]')
    .map((data) => JSON.parse(data) as UIChunk);
}

export function textOf(chunks: UIChunk[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta ?? '')
    .join('');
}

export function errorOf(chunks: UIChunk[]): string | undefined {
  return chunks.find((chunk) => chunk.type === 'error')?.errorText;
}
