/**
 * The provider's own pages: a login form that checks the password, and consent granted on the person's behalf
 * (a company provider pre-approves its own first-party apps, as Okta and Entra admins do for Beside).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { DemoPerson } from './people';

interface InteractionOptions {
  people: readonly DemoPerson[];
  password: string;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

const MAX_FORM_BYTES = 8_192;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function loginPage(uid: string, clientName: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in — Northwind</title>
<style>body{font:16px system-ui;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}
input,button{padding:.5rem;font:inherit}.error{color:#b00020}</style></head>
<body><h1>Northwind sign-in</h1><p>Sign in to continue to ${escapeHtml(clientName)}.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
<label for="login">Email or user name</label><input id="login" name="login" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form>
<p><a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a></p></body></html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  options: InteractionOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://idp.invalid');
  const [, , uid = '', action = ''] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return sendHtml(res, 400, '<!doctype html><p>This sign-in link is stale.</p>');
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? 'the application';

  if (action === 'abort') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The person cancelled the sign-in.',
    });
  }

  if (details.prompt.name === 'login') {
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const login = (form.get('login') ?? '').trim().toLowerCase();
      const person = options.people.find((candidate) => candidate.id === login || candidate.email === login);
      if (!person || form.get('password') !== options.password) {
        return sendHtml(res, 401, loginPage(uid, clientName, 'Wrong email or password.'));
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: person.id, amr: ['pwd'] } },
        { mergeWithLastSubmission: false },
      );
    }
    return sendHtml(res, 200, loginPage(uid, clientName));
  }

  if (details.prompt.name === 'consent') {
    const { accountId } = details.session ?? {};
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('grant not found');
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  return sendHtml(res, 400, '<!doctype html><p>Unsupported sign-in step.</p>');
}
