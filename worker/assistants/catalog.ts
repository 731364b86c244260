import { type AssistantSpec, DEFAULT_ASSISTANT_ID, inAudience, type QuickActionSpec } from '../../shared/assistants';
import type { Identity } from '../context';
import { ApiError } from '../http/api-error';
import { builtInAssistants, builtInTasks, findBuiltInAssistant } from './registry';
import { AssistantStore, type StoredAssistant } from './store';

/** An assistant ready to run: its spec, where it comes from and its revision. */
export interface ResolvedAssistant {
  spec: AssistantSpec;
  source: 'built-in' | 'admin';
  /** Built-ins change with the server's own version; they report revision 1. */
  version: number;
}

/**
 * Administrators' assistants are read from D1 at most once per CACHE_MS per isolate (and again at once after a
 * write through this isolate), so a chat with an admin-defined assistant costs a map lookup, not a query. Another
 * isolate sees a change within CACHE_MS. Built-ins never touch D1: the default assistant adds nothing to an answer's
 * time to first token.
 */
const CACHE_MS = 10_000;

interface AdminCatalog {
  byId: Map<string, StoredAssistant>;
  list: StoredAssistant[];
}

const caches = new WeakMap<D1Database, Promise<AdminCatalog>>();
const loadedAt = new WeakMap<D1Database, number>();

function adminCatalog(db: D1Database): Promise<AdminCatalog> {
  const cached = caches.get(db);
  if (cached && Date.now() - (loadedAt.get(db) ?? 0) < CACHE_MS) return cached;
  const loading = new AssistantStore(db).list().then((list) => ({
    list,
    byId: new Map(list.map((stored) => [stored.spec.id, stored])),
  }));
  loadedAt.set(db, Date.now());
  caches.set(db, loading);
  // A failed read is not cached: the next request tries again.
  loading.catch(() => caches.delete(db));
  return loading;
}

/** After a create, update or delete through this isolate, the next lookup reads D1 again. */
export function forgetAdminAssistants(db: D1Database): void {
  caches.delete(db);
}

const builtIn = (spec: AssistantSpec): ResolvedAssistant => ({ spec, source: 'built-in', version: 1 });
const fromStore = (stored: StoredAssistant): ResolvedAssistant => ({
  spec: stored.spec,
  source: 'admin',
  version: stored.version,
});

/** Any assistant by id, whoever asks (built-ins first: an admin-defined id never shadows one). */
export async function findAssistant(db: D1Database, id: string): Promise<ResolvedAssistant | undefined> {
  const spec = findBuiltInAssistant(id);
  if (spec) return builtIn(spec);
  const stored = (await adminCatalog(db)).byId.get(id);
  return stored && fromStore(stored);
}

export const assistantNotFound = (id: string) =>
  new ApiError({
    status: 404,
    code: 'assistant_not_found',
    title: 'No such assistant',
    detail: `There is no assistant "${id.slice(0, 64)}".`,
  });

/**
 * 403, not 404: assistant ids are not secrets (they are chosen, like a URL), and a person who was given one should
 * learn they lack access rather than that it does not exist. Nothing else of the assistant is revealed.
 */
export const assistantForbidden = (id: string) =>
  new ApiError({
    status: 403,
    code: 'assistant_forbidden',
    title: 'Not available to you',
    detail: `The assistant "${id.slice(0, 64)}" is not available to you. Ask your administrator for access.`,
  });

/** The assistant the caller asked for (General when none), or 404 assistant_not_found / 403 assistant_forbidden. */
export async function assistantFor(
  db: D1Database,
  identity: Identity,
  id: string = DEFAULT_ASSISTANT_ID,
): Promise<ResolvedAssistant> {
  const found = await findAssistant(db, id);
  if (!found) throw assistantNotFound(id);
  if (!inAudience(found.spec.audience, identity.groups)) throw assistantForbidden(id);
  return found;
}

/** Every assistant the caller may use: built-ins in the product's order, then administrators' by name. */
export async function usableAssistants(db: D1Database, identity: Identity): Promise<ResolvedAssistant[]> {
  const admin = [...(await adminCatalog(db)).list].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  return [...builtInAssistants.map(builtIn), ...admin.map(fromStore)].filter((assistant) =>
    inAudience(assistant.spec.audience, identity.groups),
  );
}

export interface ResolvedTask {
  assistant: ResolvedAssistant;
  action: QuickActionSpec;
}

/**
 * The quick action `actionId`, of `assistantId` when the request names one, else of the first assistant (built-ins
 * first) that offers it and that the caller may use. 404 when no assistant offers it; 403 when only assistants
 * outside the caller's audience do.
 */
export async function taskFor(
  db: D1Database,
  identity: Identity,
  actionId: string,
  assistantId?: string,
): Promise<ResolvedTask> {
  if (assistantId) {
    const assistant = await assistantFor(db, identity, assistantId);
    const action = assistant.spec.quickActions.find((candidate) => candidate.id === actionId);
    if (!action) throw noSuchTask(actionId, assistant.spec.name);
    return { assistant, action };
  }
  const candidates: ResolvedTask[] = builtInTasks(actionId).map((task) => ({
    assistant: builtIn(task.assistant),
    action: task.action,
  }));
  if (candidates.length === 0) {
    for (const stored of (await adminCatalog(db)).list) {
      const action = stored.spec.quickActions.find((candidate) => candidate.id === actionId);
      if (action) candidates.push({ assistant: fromStore(stored), action });
    }
  }
  if (candidates.length === 0) throw noSuchTask(actionId);
  const usable = candidates.find((task) => inAudience(task.assistant.spec.audience, identity.groups));
  if (!usable) throw assistantForbidden(candidates[0]!.assistant.spec.id);
  return usable;
}

/** Whether any assistant offers this quick action (checked before the body is read, as for any unknown route). */
export async function isKnownTask(db: D1Database, actionId: string): Promise<boolean> {
  if (builtInTasks(actionId).length > 0) return true;
  return (await adminCatalog(db)).list.some((stored) =>
    stored.spec.quickActions.some((action) => action.id === actionId),
  );
}

const noSuchTask = (actionId: string, assistantName?: string) =>
  new ApiError({
    status: 404,
    code: 'not_found',
    title: 'Not found',
    detail: assistantName
      ? `"${assistantName}" has no quick action "${actionId.slice(0, 100)}".`
      : `There is no quick action "${actionId.slice(0, 100)}".`,
  });
