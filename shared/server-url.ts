/**
 * Where the extension may send a sign-in token: `https://` to any host, `http://` only to this computer
 * (127.0.0.0/8, localhost, [::1]), where nothing crosses a network in clear text. The options page refuses any
 * other address, and the code that sends requests checks again, since an address may have been stored earlier.
 */

export type ServerUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

export const INSECURE_SERVER_MESSAGE =
  'Beside only sends your sign-in over https://. Use an https:// address (http:// works only for a server on this computer: localhost, 127.0.0.1 or [::1]).';

/** True for the loopback names and addresses; `hostname` as the URL parser gives it (IPv4 normalised, IPv6 in brackets). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = host.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

export function checkServerUrl(value: string): ServerUrlCheck {
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) {
    return { ok: false, message: 'The server address must be a full URL, like https://beside.example.com.' };
  }
  const url = new URL(trimmed);
  if (url.username || url.password) {
    return { ok: false, message: 'The server address must not contain a user name or password.' };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return { ok: true, url };
  return { ok: false, message: INSECURE_SERVER_MESSAGE };
}

/**
 * The same rule as CSP `connect-src` sources for the extension's pages. CSP cannot name an address range, so
 * of 127.0.0.0/8 only 127.0.0.1 is listed: the address every local server uses.
 */
export const SERVER_CONNECT_SOURCES = ['https:', 'http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'] as const;
