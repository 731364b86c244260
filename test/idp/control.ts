/**
 * A control server for tests that run inside workerd (where no server can be started): it starts local
 * identity providers, signs demo people in through their real flow, rotates their keys, and stands in for a
 * Cloudflare Access team domain (`/cdn-cgi/access/certs` + assertions signed with its key). Loopback only.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { type Idp, type IdpOptions, startIdp } from './server';
import { refreshTokens, signInWithPassword } from './sign-in';

export interface IdpInfo {
  id: string;
  issuer: string;
  jwksUrl: string;
  clientId: string;
  audience: string;
}

export interface IdpControl {
  url: string;
  /** The provider started with the control server. */
  defaultIdp: IdpInfo;
  stop(): Promise<void>;
}

function info(id: string, idp: Idp): IdpInfo {
  return { id, issuer: idp.issuer, jwksUrl: idp.jwksUrl, clientId: idp.clientId, audience: idp.audience };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body ? (JSON.parse(body) as Record<string, unknown>) : {};
}

export async function startIdpControl(options: IdpOptions = {}): Promise<IdpControl> {
  const idps = new Map<string, Idp>();
  idps.set('default', await startIdp(options));

  const access = await (async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `access-${randomBytes(4).toString('hex')}`;
    return { privateKey, kid, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  })();
  let origin = '';

  async function route(req: IncomingMessage): Promise<unknown> {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.pathname === '/cdn-cgi/access/certs') return { keys: [access.jwk] };
    if (req.method === 'POST' && url.pathname === '/access/assertion') {
      // Shaped like Cloudflare Access's Cf-Access-Jwt-Assertion: RS256, iss = team domain, aud = [AUD tag].
      const body = await readJson(req);
      const claims = (body.claims ?? {}) as JWTPayload;
      return {
        assertion: await new SignJWT({ type: 'app', identity_nonce: 'nonce', ...claims })
          .setProtectedHeader({ alg: 'RS256', kid: access.kid })
          .setIssuer(typeof body.issuer === 'string' ? body.issuer : origin)
          .setAudience(Array.isArray(body.audience) ? (body.audience as string[]) : [String(body.audience)])
          .setSubject(typeof claims.sub === 'string' ? claims.sub : 'access-user')
          .setIssuedAt()
          .setExpirationTime(typeof body.expiresIn === 'string' ? body.expiresIn : '10m')
          .sign(access.privateKey),
      };
    }
    if (req.method === 'POST' && url.pathname === '/idps') {
      const id = `idp-${idps.size}`;
      const idp = await startIdp({ ...options, ...((await readJson(req)) as IdpOptions) });
      idps.set(id, idp);
      return info(id, idp);
    }
    const match = /^\/idps\/([\w-]+)\/([\w-]+)$/.exec(url.pathname);
    const idp = match ? idps.get(match[1] ?? '') : undefined;
    if (!match || !idp) throw new Error(`no route ${req.method} ${url.pathname}`);
    const action = match[2];
    if (action === 'sign-in') {
      const body = await readJson(req);
      return signInWithPassword({
        issuer: idp.issuer,
        clientId: idp.clientId,
        login: String(body.login),
        password: typeof body.password === 'string' ? body.password : idp.password,
        ...(typeof body.resource === 'string' ? { resource: body.resource } : {}),
      });
    }
    if (action === 'refresh') {
      return refreshTokens(idp.issuer, idp.clientId, String((await readJson(req)).refreshToken));
    }
    if (action === 'rotate-keys') {
      const body = await readJson(req);
      return idp.rotateKeys({ keepPrevious: body.keepPrevious !== false });
    }
    if (action === 'stats') return { jwksRequests: idp.jwksRequests(), currentKid: idp.currentKid() };
    throw new Error(`no action ${action}`);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    route(req).then(
      (body) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ error: String(error) }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const defaultIdp = idps.get('default') as Idp;

  return {
    url: origin,
    defaultIdp: info('default', defaultIdp),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...idps.values()].map((idp) => idp.stop()));
    },
  };
}
