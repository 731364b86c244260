import type { Env } from './env';

/** Who is calling, from a verified token. */
export interface Identity {
  subject: string;
  /** Display name from the token's `name` (or given/family name) claim. */
  name?: string | undefined;
  email: string | undefined;
  groups: string[];
  /** The development-only shared token; treated as an administrator in development. */
  isDevToken: boolean;
}

/** Which assistant answered a chat or quick-action request, on which model (set by runAssistant's routes). */
export interface AssistantUse {
  assistantId: string;
  assistantVersion: number;
  modelAlias: string;
  model: string | undefined;
  actionId?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    identity: Identity;
    requestId: string;
    assistant?: AssistantUse;
  };
}
