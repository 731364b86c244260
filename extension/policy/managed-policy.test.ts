import { describe, expect, it } from 'vitest';
import { captureBlocklist, effectiveLanguage, effectiveTheme, effectiveWorkerUrl } from './effective-settings';
import { NO_POLICY, parseManagedPolicy, readManagedPolicy } from './managed-policy';

describe('the managed policy', () => {
  it('reads every field IT can push', () => {
    const policy = parseManagedPolicy({
      serverUrl: 'https://beside.example.com/',
      lockedSettings: ['serverUrl', 'theme'],
      captureBlocklist: ['mail.example.com', '*.hr.example.com', 'Example.com/payroll'],
      defaultTheme: 'dark',
      defaultLanguage: 'French',
    });
    expect(policy).toEqual({
      serverUrl: 'https://beside.example.com',
      locked: new Set(['serverUrl', 'theme']),
      captureBlocklist: ['mail.example.com', '*.hr.example.com', 'example.com/payroll'],
      defaultTheme: 'dark',
      defaultLanguage: 'French',
    });
  });

  it('ignores a bad value without dropping the rest', () => {
    const policy = parseManagedPolicy({
      serverUrl: 'javascript:alert(1)',
      lockedSettings: ['serverUrl', 'everything', 42],
      captureBlocklist: ['ok.example.com', 'https://with-scheme.example.com', 7, 'has space.example.com'],
      defaultTheme: 'neon',
      defaultLanguage: '<script>',
    });
    expect(policy.serverUrl).toBeUndefined();
    // Nothing to lock the server to: the person keeps the choice rather than being left with no server.
    expect(policy.locked.size).toBe(0);
    expect(policy.captureBlocklist).toEqual(['ok.example.com']);
    expect(policy.defaultTheme).toBeUndefined();
    expect(policy.defaultLanguage).toBeUndefined();
    expect(parseManagedPolicy({ serverUrl: 'http://beside.example.com' }).serverUrl).toBeUndefined();
    expect(parseManagedPolicy({ serverUrl: 'http://127.0.0.1:8787' }).serverUrl).toBe('http://127.0.0.1:8787');
    expect(parseManagedPolicy('nonsense')).toEqual(NO_POLICY);
    expect(parseManagedPolicy({ lockedSettings: 'serverUrl', captureBlocklist: 'a.example.com' })).toEqual(NO_POLICY);
  });

  it('treats a browser without managed storage, or one that throws, as no policy', async () => {
    expect(await readManagedPolicy(undefined)).toEqual(NO_POLICY);
    const throwing = {
      get: async () => {
        throw new Error('Managed storage manifest not found');
      },
    };
    expect(await readManagedPolicy(throwing)).toEqual(NO_POLICY);
    expect(await readManagedPolicy({ get: async () => ({ serverUrl: 'https://b.example.com' }) })).toMatchObject({
      serverUrl: 'https://b.example.com',
    });
  });
});

describe('effective settings', () => {
  const pushed = parseManagedPolicy({
    serverUrl: 'https://beside.example.com',
    defaultTheme: 'dark',
    defaultLanguage: 'Deutsch',
  });
  const locked = parseManagedPolicy({
    serverUrl: 'https://beside.example.com',
    defaultTheme: 'dark',
    defaultLanguage: 'Deutsch',
    lockedSettings: ['serverUrl', 'theme', 'language'],
  });

  it('lets the person override a pushed default, but not a locked value', () => {
    expect(effectiveWorkerUrl('http://127.0.0.1:9999', pushed)).toEqual({
      value: 'http://127.0.0.1:9999',
      locked: false,
    });
    expect(effectiveWorkerUrl('http://127.0.0.1:9999', locked)).toEqual({
      value: 'https://beside.example.com',
      locked: true,
    });
    expect(effectiveTheme('light', pushed).value).toBe('light');
    expect(effectiveTheme('light', locked)).toEqual({ value: 'dark', locked: true });
    expect(effectiveLanguage('French', locked)).toEqual({ value: 'Deutsch', locked: true });
  });

  it('falls back to the pushed default, then to Beside’s', () => {
    expect(effectiveWorkerUrl(null, pushed).value).toBe('https://beside.example.com');
    expect(effectiveWorkerUrl('', pushed).value).toBe('https://beside.example.com');
    expect(effectiveWorkerUrl(null, NO_POLICY).value).toBe('http://127.0.0.1:8787');
    expect(effectiveTheme(null, pushed).value).toBe('dark');
    expect(effectiveTheme(null, NO_POLICY).value).toBe('system');
    expect(effectiveLanguage(undefined, NO_POLICY).value).toBeUndefined();
  });

  it('joins the server’s and the organisation’s blocklists', () => {
    const policy = parseManagedPolicy({ captureBlocklist: ['hr.example.com', 'mail.example.com'] });
    expect(captureBlocklist(['mail.example.com', 'payroll.example.com'], policy).sort()).toEqual([
      'hr.example.com',
      'mail.example.com',
      'payroll.example.com',
    ]);
  });
});
