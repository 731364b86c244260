import { describe, expect, it } from 'vitest';
import { checkServerUrl, INSECURE_SERVER_MESSAGE, isLoopbackHostname } from './server-url';

const accepted = (value: string) => checkServerUrl(value).ok;

describe('checkServerUrl: where a sign-in token may go', () => {
  it('accepts https:// to any host', () => {
    expect(accepted('https://beside.example.com')).toBe(true);
    expect(accepted('https://10.0.0.5:8443/base/')).toBe(true);
    expect(accepted('  https://beside.example.com/  ')).toBe(true);
  });

  it('accepts http:// only to this computer', () => {
    for (const url of [
      'http://127.0.0.1:8787',
      'http://127.255.0.9',
      'http://127.1:8787',
      'http://localhost:8787',
      'http://LOCALHOST',
      'http://[::1]:8787',
      'http://0x7f000001/',
    ]) {
      expect(accepted(url), url).toBe(true);
    }
  });

  it('refuses http:// to anything else, with a message that says why', () => {
    for (const url of [
      'http://beside.example.com',
      'http://10.0.0.5:8787',
      'http://192.168.1.20',
      'http://128.0.0.1',
      'http://localhost.evil.example',
      'http://127.0.0.1.evil.example',
      'http://[::ffff:127.0.0.1]',
      'http://[::2]',
      'http://0.0.0.0:8787',
    ]) {
      const result = checkServerUrl(url);
      expect(result.ok, url).toBe(false);
      expect(result.ok ? '' : result.message).toBe(INSECURE_SERVER_MESSAGE);
    }
  });

  it('refuses other schemes, credentials in the address and non-URLs', () => {
    for (const url of [
      'ftp://127.0.0.1',
      'ws://127.0.0.1',
      'file:///tmp/x',
      'javascript:alert(1)',
      'beside.example.com',
      '',
    ]) {
      expect(accepted(url), url).toBe(false);
    }
    expect(checkServerUrl('https://user:secret@beside.example.com')).toMatchObject({ ok: false });
  });

  it('over every first octet, accepts http:// to an IPv4 address only inside 127.0.0.0/8', () => {
    for (let first = 0; first <= 255; first++) {
      for (const rest of ['0.0.1', '255.255.254', '1.2.3']) {
        expect(accepted(`http://${first}.${rest}:8787`), `${first}.${rest}`).toBe(first === 127);
        expect(accepted(`https://${first}.${rest}:8787`)).toBe(true);
      }
    }
  });

  it('gives back the parsed address for the caller to store', () => {
    const result = checkServerUrl(' https://Beside.Example.com:443/api/ ');
    expect(result.ok && result.url.href).toBe('https://beside.example.com/api/');
    expect(isLoopbackHostname('127.0.0.1')).toBe(true);
    expect(isLoopbackHostname('127.0.0.256')).toBe(false);
  });
});
