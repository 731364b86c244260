import type { Env } from './env';
import { type KnowledgeConfig, readKnowledgeConfig } from './knowledge/settings';

/** The worker's settings, parsed once per environment object (bindings never change within an isolate). */
export interface Config {
  environment: string;
  isDevelopment: boolean;
  version: string;
  model: {
    apiKey: string | undefined;
    baseURL: string | undefined;
    chatModel: string;
    embeddingModel: string;
    timeoutMs: number;
    /** A model is usable when the deployment gave a key or an OpenAI-compatible server. */
    configured: boolean;
  };
  pageTokenBudget: number;
  auth: {
    jwksUrl: string | undefined;
    jwks: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    groupsClaim: string;
    devToken: string | undefined;
  };
  allowedOrigins: string[];
  knowledge: KnowledgeConfig;
}

const cache = new WeakMap<Env, Config>();

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function readConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const environment = nonEmpty(env.ENVIRONMENT) ?? 'production';
  const apiKey = nonEmpty(env.OPENAI_API_KEY);
  const baseURL = nonEmpty(env.OPENAI_BASE_URL)?.replace(/\/+$/, '');
  const config: Config = {
    environment,
    isDevelopment: environment === 'development',
    version: nonEmpty(env.VERSION) ?? '0.1.0',
    model: {
      apiKey,
      baseURL,
      chatModel: nonEmpty(env.CHAT_MODEL) ?? 'gpt-4o-mini',
      embeddingModel: nonEmpty(env.EMBEDDING_MODEL) ?? 'text-embedding-3-small',
      timeoutMs: positiveInt(env.MODEL_TIMEOUT_MS, 60_000),
      configured: apiKey !== undefined || baseURL !== undefined,
    },
    pageTokenBudget: positiveInt(env.PAGE_TOKEN_BUDGET, 8_000),
    auth: {
      jwksUrl: nonEmpty(env.AUTH_JWKS_URL),
      jwks: nonEmpty(env.AUTH_JWKS),
      issuer: nonEmpty(env.AUTH_ISSUER),
      audience: nonEmpty(env.AUTH_AUDIENCE),
      groupsClaim: nonEmpty(env.AUTH_GROUPS_CLAIM) ?? 'groups',
      devToken: nonEmpty(env.DEV_TOKEN),
    },
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    knowledge: readKnowledgeConfig(env),
  };
  cache.set(env, config);
  return config;
}
