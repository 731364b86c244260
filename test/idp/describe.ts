import type { Idp } from './server';

/** The text `npm run idp` and `npm run dev -- --local-idp` print: who can sign in, and how the worker trusts them. */
export function describeIdp(idp: Idp): string {
  const people = idp.people
    .map((person) => `    ${person.email.padEnd(26)} ${person.role.padEnd(14)} groups: ${person.groups.join(', ')}`)
    .join('\n');
  return `Local identity provider (OpenID Connect, development only) at ${idp.issuer}
  Discovery  ${idp.issuer}/.well-known/openid-configuration
  Client id  ${idp.clientId} (public, PKCE S256)   Audience ${idp.audience}
  Redirect URIs ${[...idp.redirectUris, ...(idp.anyExtensionRedirect ? ['any https://<extension-id>.chromiumapp.org/…'] : [])].join(', ')}
  Demo people (password for all: ${idp.password}; the part before @ works as a login too):
${people}`;
}

/** The worker settings that make it trust this provider. */
export function workerSettingsFor(idp: Idp): Record<string, string> {
  return {
    AUTH_ISSUER: idp.issuer,
    AUTH_JWKS_URL: idp.jwksUrl,
    AUTH_CLIENT_ID: idp.clientId,
    AUTH_AUDIENCE: idp.audience,
    AUTH_TOKEN_TYPE: 'access',
  };
}
