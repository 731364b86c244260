const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    keys.set(secret, key);
  }
  return key;
}

/**
 * The pseudonym stored for a person in usage and feedback rows: hex HMAC-SHA-256 of their subject under
 * USAGE_PSEUDONYM_KEY. Stable (the same person counts once in weekly actives), not reversible without the key
 * (a plain hash of an email is reversed by hashing the company directory).
 */
export async function pseudonymOf(subject: string, secret: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(subject));
  return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
