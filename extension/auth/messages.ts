import { browser } from 'wxt/browser';
import { t } from '../lib/i18n';
import type { Bearer } from './session';
import type { AuthState } from './token-store';

/**
 * The panel and options page ask the background for everything about sign-in: it alone holds the session, so two
 * open panels never renew (and rotate a refresh token) at the same time.
 */
export type AuthOperation = 'sign-in' | 'sign-out' | 'bearer';

export interface AuthRequest {
  type: 'beside:auth';
  op: AuthOperation;
}

export type AuthReply =
  | { ok: true; bearer?: Bearer; state?: AuthState | null }
  | { ok: false; message: string; cancelled?: boolean };

export function isAuthRequest(value: unknown): value is AuthRequest {
  const message = value as Partial<AuthRequest> | undefined;
  return (
    message?.type === 'beside:auth' &&
    (message.op === 'sign-in' || message.op === 'sign-out' || message.op === 'bearer')
  );
}

export async function askBackground(op: AuthOperation): Promise<AuthReply> {
  const reply = (await browser.runtime.sendMessage({ type: 'beside:auth', op } satisfies AuthRequest)) as
    | AuthReply
    | undefined;
  return reply ?? { ok: false, message: t('account.backgroundSilent') };
}
