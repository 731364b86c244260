import { formatStreamError } from '../../shared/errors';
import { t } from '../lib/i18n';
import { askBackground } from './messages';

/** Sign-in could not be renewed because the provider is unreachable: worth a retry, not a new sign-in. */
export class SignInServiceUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInServiceUnavailable';
  }
}

/**
 * The `Authorization` header for the next request, from the background (which renews first when needed). When the
 * sign-in has ended the request is not sent at all: the panel shows "Sign in again", never a question that failed.
 */
export async function authorizationHeader(): Promise<Record<string, string>> {
  const reply = await askBackground('bearer');
  if (!reply.ok) throw new SignInServiceUnavailable(reply.message);
  const bearer = reply.bearer;
  if (bearer?.kind === 'token') return { Authorization: `Bearer ${bearer.token}` };
  if (bearer?.kind === 'sign-in-again') {
    throw new Error(formatStreamError('unauthorized', t('account.sessionEnded')));
  }
  if (bearer?.kind === 'unavailable') throw new SignInServiceUnavailable(bearer.message);
  // Signed out: the server answers 401 and the panel offers "Sign in".
  return {};
}
