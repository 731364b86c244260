import type { ConfigProblem } from '../shared/health';
import { type AuthSettings, readAuthSettings } from './auth/settings';
import type { Env } from './env';
import { type KnowledgeConfig, readKnowledgeConfig } from './knowledge/settings';
import { DEFAULT_ALIAS, type ModelsConfig, readModelsConfig } from './models/settings';
import { DEFAULT_PSEUDONYM_KEY_WARNING, type OversightSettings, readOversightSettings } from './oversight/settings';
import { readRetentionDays } from './personal-data/settings';
import { type PolicySettings, readPolicySettings } from './policy';
import { type RedactionConfig, readRedactionConfig } from './redaction/settings';
import { readHandoffThreshold } from './tools/handoff-decision';
import { type McpSettings, readMcpSettings } from './tools/mcp/settings';

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
    /** A model of an alias that is not the last of its chain gets this long to send its first token. */
    firstTokenTimeoutMs: number;
    /** A model is usable when the `default` alias exists (MODELS, or the OPENAI_* shortcut). */
    configured: boolean;
  };
  /** Providers, aliases (fallback chains) and the embedding model: MODELS plus the OPENAI_* shortcut. */
  models: ModelsConfig;
  pageTokenBudget: number;
  /** Tokens of conversation history a prompt may carry (older messages are left out first). */
  historyTokenBudget: number;
  auth: AuthSettings;
  policy: PolicySettings;
  allowedOrigins: string[];
  knowledge: KnowledgeConfig;
  /** Settings the worker cannot use: while any exists, /v1 answers 503 server_misconfigured (health excepted). */
  problems: ConfigProblem[];
  redaction: RedactionConfig;
  /** Remote MCP servers (MCP_SERVERS) with their secrets resolved. */
  mcp: McpSettings;
  /** Payload logging policy, pseudonym key and daily token quota (worker/oversight/). */
  oversight: OversightSettings;
  /** Days personal data is kept (RETENTION_DAYS); the retention cron deletes what is older. */
  retentionDays: number;
  /** Below this confidence (0–1, HANDOFF_THRESHOLD) an assistant that may hand off passes the question on. */
  handoffThreshold: number;
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
  const { auth, problems: authProblems } = readAuthSettings(env, environment);
  const { policy, problems: policyProblems } = readPolicySettings(env);
  const knowledge = readKnowledgeConfig(env);
  const { models, problems: modelProblems } = readModelsConfig(env);
  const problems = [...authProblems, ...policyProblems, ...modelProblems];
  if (knowledge.spacesError) problems.push({ setting: 'SPACES', message: knowledge.spacesError });
  const redaction = readRedactionConfig(env);
  if (redaction.problem) problems.push({ setting: redaction.problem.setting, message: redaction.problem.message });
  const mcp = readMcpSettings(env.MCP_SERVERS, env as unknown as Record<string, unknown>);
  if (mcp.problem) problems.push({ setting: 'MCP_SERVERS', message: mcp.problem });
  const { oversight, problems: oversightProblems } = readOversightSettings(env, environment);
  problems.push(...oversightProblems);
  if (oversight.pseudonymKeyIsDefault && environment !== 'production') console.warn(DEFAULT_PSEUDONYM_KEY_WARNING);
  const retention = readRetentionDays(env);
  if (retention.problem) problems.push(retention.problem);
  const handoff = readHandoffThreshold(env.HANDOFF_THRESHOLD);
  if (handoff.problem) problems.push({ setting: 'HANDOFF_THRESHOLD', message: handoff.problem });
  for (const problem of problems) console.error(JSON.stringify({ event: 'config_error', ...problem }));
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
      firstTokenTimeoutMs: positiveInt(env.MODEL_FIRST_TOKEN_TIMEOUT_MS, 20_000),
      configured: models.aliases[DEFAULT_ALIAS] !== undefined,
    },
    models,
    pageTokenBudget: positiveInt(env.PAGE_TOKEN_BUDGET, 8_000),
    historyTokenBudget: positiveInt(env.HISTORY_TOKEN_BUDGET, 12_000),
    auth,
    policy,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    knowledge,
    problems,
    redaction,
    mcp,
    oversight,
    retentionDays: retention.days,
    handoffThreshold: handoff.threshold,
  };
  cache.set(env, config);
  return config;
}
