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
