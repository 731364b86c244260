import { useCallback, useEffect, useState } from 'react';
import type { ServerConfig } from '../../../shared/config';
import { MeResponse } from '../../../shared/me';
import { checkServerUrl } from '../../../shared/server-url';
import { authorizationHeader } from '../../auth/client';
import { askBackground } from '../../auth/messages';
import { authStateItem } from '../../auth/token-store';
import { serverConfig } from '../../lib/server-config';
import { currentWorkerUrl, tokenSetting, workerUrlSetting } from '../../lib/settings';
import { useStoredValue } from './useStoredValue';

export type AuthView =
  | { status: 'loading' }
  /** Nobody signed in; `canSignIn` when the server offers sign-in with the company's provider. */
  | { status: 'signed-out'; canSignIn: boolean }
  | { status: 'signed-in'; name?: string; email?: string }
  /** The sign-in ended and could not be renewed silently. */
  | { status: 'sign-in-again'; name?: string; email?: string }
  /** A token pasted under Advanced (development, or a server without sign-in). */
  | { status: 'token' };

async function fetchMe(workerUrl: string): Promise<MeResponse | undefined> {
  // The token goes with it: never to a plain-http address off this computer.
  if (!checkServerUrl(workerUrl).ok) return undefined;
  const response = await fetch(`${workerUrl}/v1/me`, { headers: await authorizationHeader() });
  if (!response.ok) return undefined;
  const parsed = MeResponse.safeParse(await response.json());
  return parsed.success ? parsed.data : undefined;
}

/**
 * Who is signed in, as the panel and options page show it, and the two actions. The background does the work;
 * this hook follows the stored sign-in state, so every open Beside page updates together.
 */
export function useAuth() {
  const [state] = useStoredValue(authStateItem);
  const [pasted] = useStoredValue(tokenSetting);
  const [storedUrl] = useStoredValue(workerUrlSetting);
  const [workerUrl, setWorkerUrl] = useState<string>();
  const [config, setConfig] = useState<ServerConfig | null>();
  const [me, setMe] = useState<MeResponse>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed server address means another server's config.
  useEffect(() => {
    let active = true;
    currentWorkerUrl().then(async (url) => {
      const loaded = await serverConfig(url);
      if (!active) return;
      setWorkerUrl(url);
      setConfig(loaded ?? null);
    });
    return () => {
      active = false;
    };
  }, [storedUrl]);

  const mine = state && state.workerUrl === workerUrl ? state : undefined;
  let view: AuthView;
  if (workerUrl === undefined || state === undefined || config === undefined) view = { status: 'loading' };
  else if (mine) view = { status: mine.status, ...mine.account };
  else if (pasted?.trim()) view = { status: 'token' };
  else view = { status: 'signed-out', canSignIn: config?.auth.mode === 'oidc' };

  const signedIn = view.status === 'signed-in' || view.status === 'token';
  const subject = mine?.account.subject;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a different person or token means a different /v1/me.
  useEffect(() => {
    if (!signedIn || !workerUrl) return setMe(undefined);
    let active = true;
    fetchMe(workerUrl)
      .then((value) => active && setMe(value))
      .catch(() => active && setMe(undefined));
    return () => {
      active = false;
    };
  }, [signedIn, workerUrl, subject, pasted]);

  const signIn = useCallback(async (): Promise<boolean> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const reply = await askBackground('sign-in');
      if (!reply.ok && !reply.cancelled) setProblem(reply.message);
      return reply.ok;
    } finally {
      setBusy(false);
    }
  }, []);

  const signOut = useCallback(async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await askBackground('sign-out');
    } finally {
      setBusy(false);
    }
  }, []);

  return { view, me, busy, problem, signIn, signOut, canSignIn: config?.auth.mode === 'oidc' };
}

export type Auth = ReturnType<typeof useAuth>;
