import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, jsonInit, signToken, testEnv, userMessage } from '../testing/support';

const ask = async (token: string, environment: Awaited<ReturnType<typeof testEnv>>) => {
  const response = await call(
    '/v1/chat',
    jsonInit({ messages: [userMessage('[[reply: ok]] hi')] }, token),
    environment,
  );
  if (response.status === 200) await response.body?.cancel();
  return response;
};

describe('rate limit', () => {
  it('refuses a person past 30 requests a minute with 429 rate_limited and Retry-After, others unaffected', async () => {
    const environment = await testEnv({ RATE_LIMITER: env.RATE_LIMITER });
    const busy = await signToken({ sub: `busy-${crypto.randomUUID()}` });
    const statuses: number[] = [];
    for (let index = 0; index < 31; index++) statuses.push((await ask(busy, environment)).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);

    const refused = await ask(busy, environment);
    expect(refused.headers.get('Retry-After')).toBe('60');
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');

    const calm = await signToken({ sub: `calm-${crypto.randomUUID()}` });
    expect((await ask(calm, environment)).status).toBe(200);
  });
});
