import { describe, expect, it } from 'vitest';
import { parseStreamError } from '../../shared/errors';
import { answeredBy, askChat as ask, modelRequestsCarrying, modelsEnv as modelsSettingsEnv } from '../testing/models';
import { errorOf, testEnv, textOf, upstreamUrl } from '../testing/support';

/** Two models of one OpenAI-compatible server, and a provider on a port where nothing listens. */
function modelsEnv(aliases: Record<string, string[]>, overrides: Record<string, string> = {}) {
  const providers = {
    main: { type: 'openai-compatible', baseURL: upstreamUrl(), apiKeyEnv: 'MAIN_KEY' },
    down: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:1/v1' },
  };
  return modelsSettingsEnv({ providers, aliases }, { MAIN_KEY: 'main-secret', ...overrides });
}

const chain = { default: ['main:model-a', 'main:model-b'] };

/** The chat-completion requests that carried `marker`, in order, with the model each asked for. */
async function modelCalls(marker: string) {
  return (await modelRequestsCarrying(marker))
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) => ({ model: request.body?.model, aborted: request.aborted }));
}

describe('an alias is a fallback chain', () => {
  it.each([
    ['503', '[[status@model-a: 503]]'],
    ['429', '[[status@model-a: 429]]'],
    ['500', '[[status@model-a: 500]]'],
  ])(
    'first model answers %s before any token → the second answers, and the metadata names it',
    async (_, directive) => {
      const marker = `fallback-${crypto.randomUUID()}`;
      const chunks = await ask(
        `${directive} [[reply: Answer from the second model.]] ${marker}`,
        await modelsEnv(chain),
      );
      expect(errorOf(chunks)).toBeUndefined();
      expect(textOf(chunks)).toBe('Answer from the second model.');
      expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'main', model: 'model-b' });
      const calls = await modelCalls(marker);
      // No retry of the failed model: one request each, first model first.
      expect(calls.map((c) => c.model)).toEqual(['model-a', 'model-b']);
    },
  );

  it('first model sends no token in time → it is cancelled and the second answers', async () => {
    const marker = `fallback-timeout-${crypto.randomUUID()}`;
    const environment = await modelsEnv(chain, { MODEL_FIRST_TOKEN_TIMEOUT_MS: '300' });
    const chunks = await ask(`[[hang@model-a]] [[reply: Second after a timeout.]] ${marker}`, environment);
    expect(textOf(chunks)).toBe('Second after a timeout.');
    expect(answeredBy(chunks)?.model).toBe('model-b');
    const calls = await modelCalls(marker);
    expect(calls).toEqual([
      { model: 'model-a', aborted: true },
      { model: 'model-b', aborted: false },
    ]);
  });

  it('first model cannot be reached (connection refused) → the second answers', async () => {
    const marker = `fallback-refused-${crypto.randomUUID()}`;
    const environment = await modelsEnv({ default: ['down:model-a', 'main:model-b'] });
    const chunks = await ask(`[[reply: Second after a refused connection.]] ${marker}`, environment);
    expect(errorOf(chunks)).toBeUndefined();
    expect(textOf(chunks)).toBe('Second after a refused connection.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'main', model: 'model-b' });
    expect((await modelCalls(marker)).map((c) => c.model)).toEqual(['model-b']);
  });

  it('first model drops the connection before its first token → the second answers', async () => {
    const marker = `fallback-dropped-${crypto.randomUUID()}`;
    const chunks = await ask(
      `[[disconnect-after@model-a: 0]] [[reply: Second after a dropped stream.]] ${marker}`,
      await modelsEnv(chain),
    );
    expect(textOf(chunks)).toBe('Second after a dropped stream.');
    expect((await modelCalls(marker)).map((c) => c.model)).toEqual(['model-a', 'model-b']);
  });

  it('after the first token an error ends the answer: no switch, the stream ends with the error', async () => {
    const marker = `no-switch-${crypto.randomUUID()}`;
    const chunks = await ask(
      `[[disconnect-after@model-a: 2]] [[reply: One two three four five six.]] ${marker}`,
      await modelsEnv(chain),
    );
    expect(textOf(chunks)).toBe('One two');
    expect(parseStreamError(errorOf(chunks) ?? '').code).toBe('upstream_error');
    expect(chunks.findLast((chunk) => chunk.type !== 'finish')?.type).toBe('error');
    expect((await modelCalls(marker)).map((c) => c.model)).toEqual(['model-a']);
  });

  it('a request the first model refuses as wrong (400) is not retried elsewhere', async () => {
    const marker = `no-switch-400-${crypto.randomUUID()}`;
    const chunks = await ask(`[[status@model-a: 400]] [[reply: never]] ${marker}`, await modelsEnv(chain));
    expect(parseStreamError(errorOf(chunks) ?? '').code).toBe('upstream_error');
    expect(textOf(chunks)).toBe('');
    expect((await modelCalls(marker)).map((c) => c.model)).toEqual(['model-a']);
  });

  it('every model failing ends with the last one’s error', async () => {
    const marker = `all-fail-${crypto.randomUUID()}`;
    const chunks = await ask(`[[status: 503]] ${marker}`, await modelsEnv(chain));
    expect(parseStreamError(errorOf(chunks) ?? '').code).toBe('upstream_error');
    expect((await modelCalls(marker)).map((c) => c.model)).toEqual(['model-a', 'model-b']);
  });

  it('the OPENAI_* shortcut is provider "openai", alias "default", and is named in the metadata', async () => {
    const chunks = await ask('[[reply: Shortcut answer.]] hello', await testEnv());
    expect(textOf(chunks)).toBe('Shortcut answer.');
    expect(answeredBy(chunks)).toEqual({ alias: 'default', provider: 'openai', model: 'test-chat' });
  });

  it('sends the key named by apiKeyEnv to the provider', async () => {
    const marker = `key-${crypto.randomUUID()}`;
    await ask(`[[reply: ok]] ${marker}`, await modelsEnv({ default: ['main:model-a'] }));
    const requests = (await modelRequestsCarrying(marker)).filter((request) => request.path === '/v1/chat/completions');
    expect(requests).toHaveLength(1);
    // The upstream redacts the Authorization header in its log; that it was sent as a bearer key is what counts.
    expect(requests[0]?.headers.authorization).toBe('Bearer ***');
  });
});
