import { describe, expect, it } from 'vitest';
import { HealthDetails } from '../../shared/health';
import type { Env } from '../env';
import { call, DEV_TOKEN, jsonInit, signToken, testEnv, upstreamUrl, userMessage } from '../testing/support';
import { readModelsConfig } from './settings';

const env = (values: Record<string, string | undefined>) => values as unknown as Env;

const VALID = {
  providers: {
    main: { type: 'openai-compatible', baseURL: 'https://models.example.com/v1/', apiKeyEnv: 'MAIN_KEY' },
    claude: { type: 'anthropic', apiKeyEnv: 'ANTHROPIC_API_KEY' },
  },
  aliases: { default: ['main:gpt-4o-mini', 'claude:claude-sonnet-4-5'], smart: ['claude:claude-sonnet-4-5'] },
  embedding: 'main:text-embedding-3-small',
};

function problemsOf(models: unknown, secrets: Record<string, string> = {}) {
  return readModelsConfig(env({ MODELS: typeof models === 'string' ? models : JSON.stringify(models), ...secrets }))
    .problems;
}

describe('MODELS', () => {
  it('reads providers, aliases as fallback chains and the embedding model, with keys from the named secrets', () => {
    const { models, problems } = readModelsConfig(
      env({ MODELS: JSON.stringify(VALID), MAIN_KEY: 'k-main', ANTHROPIC_API_KEY: 'k-claude' }),
    );
    expect(problems).toEqual([]);
    expect(models.aliases.default).toEqual([
      { provider: 'main', type: 'openai-compatible', model: 'gpt-4o-mini' },
      { provider: 'claude', type: 'anthropic', model: 'claude-sonnet-4-5' },
    ]);
    expect(models.aliases.smart).toHaveLength(1);
    expect(models.embedding).toEqual({ provider: 'main', type: 'openai-compatible', model: 'text-embedding-3-small' });
    expect(models.providers.main).toMatchObject({ baseURL: 'https://models.example.com/v1', apiKey: 'k-main' });
    expect(models.providers.claude?.apiKey).toBe('k-claude');
  });

  it('keeps the OPENAI_* shortcut as provider "openai" and alias "default"', () => {
    const { models, problems } = readModelsConfig(
      env({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/', CHAT_MODEL: 'llama3.1', EMBEDDING_MODEL: 'nomic' }),
    );
    expect(problems).toEqual([]);
    expect(models.aliases.default).toEqual([{ provider: 'openai', type: 'openai', model: 'llama3.1' }]);
    expect(models.embedding).toEqual({ provider: 'openai', type: 'openai', model: 'nomic' });
    expect(models.providers.openai?.baseURL).toBe('http://127.0.0.1:11434/v1');
  });

  it('lets MODELS aliases use the shortcut provider, and MODELS win over the shortcut alias', () => {
    const { models, problems } = readModelsConfig(
      env({
        OPENAI_API_KEY: 'sk-test',
        MODELS: JSON.stringify({ aliases: { default: ['openai:gpt-4.1-mini', 'openai:gpt-4o-mini'] } }),
      }),
    );
    expect(problems).toEqual([]);
    expect(models.aliases.default?.map((ref) => ref.model)).toEqual(['gpt-4.1-mini', 'gpt-4o-mini']);
  });

  it.each([
    ['not JSON', '{"providers":', 'MODELS is not valid JSON'],
    [
      'an unknown provider type',
      { providers: { x: { type: 'llamafile', apiKeyEnv: 'K' } } },
      'MODELS.providers.x.type',
    ],
    ['a misspelt field', { providers: { x: { type: 'anthropic', apiKeyEnv: 'K', baseUrl: 'https://a' } } }, 'baseUrl'],
    [
      'openai-compatible without baseURL',
      { providers: { x: { type: 'openai-compatible' } } },
      'MODELS.providers.x.baseURL',
    ],
    ['a reference without a provider', { aliases: { default: ['gpt-4o-mini'] } }, 'MODELS.aliases.default[0]'],
    [
      'an unknown provider in a chain',
      { ...VALID, aliases: { default: ['main:gpt-4o-mini', 'claud:claude-sonnet-4-5'] } },
      'MODELS.aliases.default[1]: unknown provider "claud"',
    ],
    ['an empty chain', { ...VALID, aliases: { default: [] } }, 'MODELS.aliases.default'],
    ['a lowercase secret name', { providers: { x: { type: 'anthropic', apiKeyEnv: 'my key' } } }, 'apiKeyEnv'],
    ['an embedding on anthropic', { ...VALID, embedding: 'claude:claude-sonnet-4-5' }, 'MODELS.embedding'],
    ['no default alias', { ...VALID, aliases: { smart: VALID.aliases.smart } }, 'MODELS.aliases.default: required'],
    ['azure without resource', { providers: { az: { type: 'azure', apiKeyEnv: 'MAIN_KEY' } } }, 'resourceName'],
  ])('names the field when MODELS has %s', (_, models, field) => {
    const problems = problemsOf(models, { MAIN_KEY: 'k', ANTHROPIC_API_KEY: 'k', K: 'k' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.setting === 'MODELS')).toBe(true);
    expect(problems.map((problem) => problem.message).join('\n')).toContain(field);
  });

  it('names a missing secret, never a value', () => {
    const problems = problemsOf(VALID, { MAIN_KEY: 'k-main-secret-value' });
    expect(problems).toEqual([
      { setting: 'MODELS', message: 'MODELS.providers.claude.apiKeyEnv: the secret ANTHROPIC_API_KEY is not set.' },
    ]);
  });
});

describe('an invalid MODELS', () => {
  const broken = { MODELS: JSON.stringify({ aliases: { default: ['nowhere:gpt-4o-mini'] } }) } as Partial<Env>;

  it('is refused with 503 server_misconfigured problem+json naming MODELS, never a 500 or a stream', async () => {
    const response = await call('/v1/chat', jsonInit({ messages: [userMessage('hi')] }), await testEnv(broken));
    expect(response.status).toBe(503);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('server_misconfigured');
    expect(problem.detail).toContain('MODELS');
  });

  it('is listed with its field in /v1/health/details', async () => {
    const response = await call(
      '/v1/health/details',
      { headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
      await testEnv(broken),
    );
    const details = HealthDetails.parse(await response.json());
    expect(details.status).toBe('misconfigured');
    expect(details.problems).toContainEqual({
      setting: 'MODELS',
      message: 'MODELS.aliases.default[0]: unknown provider "nowhere" (defined: openai).',
    });
  });
});

describe('GET /v1/health/details lists the models', () => {
  const configured = () =>
    testEnv({
      MODELS: JSON.stringify({
        providers: {
          main: { type: 'openai-compatible', baseURL: upstreamUrl(), apiKeyEnv: 'MAIN_KEY' },
          claude: { type: 'anthropic', baseURL: upstreamUrl(), apiKeyEnv: 'ANTHROPIC_API_KEY' },
        },
        aliases: { default: ['main:model-a', 'claude:claude-test'], smart: ['claude:claude-test'] },
        embedding: 'main:text-embedding-3-small',
      }),
      MAIN_KEY: 'main-key-SECRET-1',
      ANTHROPIC_API_KEY: 'claude-key-SECRET-2',
    } as Partial<Env>);

  it('to administrators: every alias with its chain (provider, type, model) and the embedding model, no keys', async () => {
    const response = await call(
      '/v1/health/details',
      { headers: { Authorization: `Bearer ${DEV_TOKEN}` } },
      await configured(),
    );
    expect(response.status).toBe(200);
    const raw = await response.text();
    expect(raw).not.toContain('SECRET');
    expect(raw).not.toContain('test-key');
    const details = HealthDetails.parse(JSON.parse(raw));
    expect(details.problems).toEqual([]);
    expect(details.models.aliases).toEqual({
      default: [
        { provider: 'main', type: 'openai-compatible', model: 'model-a' },
        { provider: 'claude', type: 'anthropic', model: 'claude-test' },
      ],
      smart: [{ provider: 'claude', type: 'anthropic', model: 'claude-test' }],
    });
    expect(details.models.embedding).toEqual({
      provider: 'main',
      type: 'openai-compatible',
      model: 'text-embedding-3-small',
    });
  });

  it('to anyone else: 403 problem+json without a word about models', async () => {
    const token = await signToken({ groups: ['sales-team'] });
    const response = await call(
      '/v1/health/details',
      { headers: { Authorization: `Bearer ${token}` } },
      await configured(),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const raw = await response.text();
    expect(raw).not.toContain('claude-test');
    expect(raw).not.toContain('model-a');
  });
});
