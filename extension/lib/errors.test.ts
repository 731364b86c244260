import { describe, expect, it } from 'vitest';
import { friendlyError, InsecureServerError } from './errors';

describe('friendlyError', () => {
  it('reads a problem+json body', () => {
    const error = new Error(
      JSON.stringify({ code: 'unauthorized', detail: 'Sign in to Beside: this request carried no token.' }),
    );
    expect(friendlyError(error)).toMatchObject({ code: 'unauthorized', title: 'Please sign in', action: 'sign-in' });
    expect(friendlyError(error)?.detail).toBe('Sign in to Beside: this request carried no token.');
  });

  it('asks to sign in again when the sign-in ended, and to retry when the sign-in service is down', () => {
    const ended = new Error('[unauthorized] Your sign-in has ended. Sign in again to continue.');
    expect(friendlyError(ended)).toMatchObject({ code: 'unauthorized', action: 'sign-in' });
    const down = Object.assign(new Error('Your company’s sign-in service could not be reached.'), {
      name: 'SignInServiceUnavailable',
    });
    expect(friendlyError(down)).toMatchObject({ title: 'Can’t reach your sign-in service', action: 'retry' });
  });

  it('reads an in-stream error with its code', () => {
    const error = new Error('[upstream_rate_limited] The AI model is busy (rate limited).');
    expect(friendlyError(error)).toMatchObject({ code: 'upstream_rate_limited', action: 'retry' });
  });

  it('says a daily quota is used up, with when it resets, and offers no retry', () => {
    const problem = {
      type: 'https://beside.dev/problems/quota_exceeded',
      title: 'Daily quota used',
      status: 429,
      code: 'quota_exceeded',
      detail:
        'You have used your 5,000 tokens for today. Your quota resets at 2026-12-03T00:00:00.000Z (midnight UTC).',
      resetsAt: '2026-12-03T00:00:00.000Z',
    };
    const friendly = friendlyError(new Error(JSON.stringify(problem)));
    expect(friendly).toMatchObject({
      code: 'quota_exceeded',
      action: 'none',
      title: 'You’ve used today’s AI allowance',
    });
    expect(friendly?.detail).toContain('2026-12-03T00:00:00.000Z');
  });

  it('explains a network failure with the server address', () => {
    const error = new TypeError('Failed to fetch');
    const friendly = friendlyError(error, 'http://127.0.0.1:8787');
    expect(friendly?.code).toBe('network');
    expect(friendly?.detail).toContain('http://127.0.0.1:8787');
  });

  it('explains a refused clear-text server address and points to Settings', () => {
    const friendly = friendlyError(new InsecureServerError('Beside only sends your sign-in over https://.'));
    expect(friendly).toMatchObject({ code: 'insecure_server', action: 'settings' });
    expect(friendly?.detail).toContain('https://');
  });

  it('falls back to a generic message', () => {
    expect(friendlyError(new Error('boom'))).toMatchObject({ code: 'unknown', action: 'retry' });
    expect(friendlyError(undefined)).toBeUndefined();
  });
});
