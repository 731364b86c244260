import { describe, expect, it } from 'vitest';
import { friendlyError, InsecureServerError } from './errors';

describe('friendlyError', () => {
  it('reads a problem+json body, in the person’s words rather than the server’s', () => {
    const error = new Error(
      JSON.stringify({ code: 'unauthorized', detail: 'Sign in to Beside: this request carried no token.' }),
    );
    expect(friendlyError(error)).toMatchObject({
      code: 'unauthorized',
      title: 'Please sign in',
      action: 'sign-in',
      retryable: false,
    });
    expect(friendlyError(error)?.detail).toBe('Sign in with your company account to continue.');
  });

  it('never shows a server detail that names settings', () => {
    const error = new Error(
      JSON.stringify({ code: 'server_misconfigured', detail: 'AUTH_JWKS is not valid JSON.', retryable: false }),
    );
    const friendly = friendlyError(error);
    expect(friendly?.detail).not.toContain('AUTH_JWKS');
    expect(friendly).toMatchObject({ title: 'Beside isn’t set up correctly', retryable: false });
  });

  it('asks to sign in again when the sign-in ended, and to retry when the sign-in service is down', () => {
    const ended = new Error('[unauthorized] Your sign-in has ended. Sign in again to continue.');
    expect(friendlyError(ended)).toMatchObject({ code: 'unauthorized', action: 'sign-in', retryable: false });
    const down = Object.assign(new Error('Your company’s sign-in service could not be reached.'), {
      name: 'SignInServiceUnavailable',
    });
    expect(friendlyError(down)).toMatchObject({ title: 'Can’t reach your sign-in service', retryable: true });
  });

  it('reads an in-stream error with its code', () => {
    const error = new Error('[upstream_rate_limited] The AI model is busy (rate limited).');
    expect(friendlyError(error)).toMatchObject({ code: 'upstream_rate_limited', retryable: true });
  });

  it('follows the server’s retryable flag', () => {
    const internal = { code: 'internal_error', detail: 'Something went wrong on our side.', retryable: true };
    expect(friendlyError(new Error(JSON.stringify(internal)))?.retryable).toBe(true);
    const invalid = { code: 'invalid_request', detail: 'messages: too many', retryable: false };
    expect(friendlyError(new Error(JSON.stringify(invalid)))?.retryable).toBe(false);
  });

  it('says when a used-up daily quota resets, in local time, and offers no retry', () => {
    const resetsAt = new Date(Date.now() + 3 * 3_600_000);
    resetsAt.setMinutes(0, 0, 0);
    const problem = {
      type: 'https://beside.dev/problems/quota_exceeded',
      title: 'Daily quota used',
      status: 429,
      code: 'quota_exceeded',
      detail: `You have used your 5,000 tokens for today. Your quota resets at ${resetsAt.toISOString()}.`,
      retryable: true,
      resetsAt: resetsAt.toISOString(),
    };
    const friendly = friendlyError(new Error(JSON.stringify(problem)));
    expect(friendly).toMatchObject({
      code: 'quota_exceeded',
      action: 'none',
      retryable: false,
      title: 'You’ve used today’s AI allowance',
    });
    const time = resetsAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(friendly?.detail).toContain(time);
    expect(friendly?.detail).not.toContain('Z');
  });

  it('explains a network failure with the server address, and offers a retry and Settings', () => {
    const error = new TypeError('Failed to fetch');
    const friendly = friendlyError(error, 'http://127.0.0.1:8787');
    expect(friendly).toMatchObject({ code: 'network', action: 'settings', retryable: true });
    expect(friendly?.detail).toContain('http://127.0.0.1:8787');
  });

  it('explains a refused clear-text server address and points to Settings', () => {
    const friendly = friendlyError(new InsecureServerError('Beside only sends your sign-in over https://.'));
    expect(friendly).toMatchObject({ code: 'insecure_server', action: 'settings', retryable: false });
    expect(friendly?.detail).toContain('https://');
  });

  it('falls back to a generic message with a retry', () => {
    expect(friendlyError(new Error('boom'))).toMatchObject({ code: 'unknown', retryable: true });
    expect(friendlyError(undefined)).toBeUndefined();
  });
});
