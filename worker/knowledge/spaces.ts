import type { Config } from '../config';
import type { Identity } from '../context';

/**
 * Who may read what. A person reads a space when one of their groups is listed for it (or it lists "*");
 * administrators (ADMIN_GROUPS, and the dev token in development) read every configured space, since
 * they can list and ingest its documents anyway. Spaces in a request can only narrow this set.
 */

export function isAdmin(identity: Identity, config: Config): boolean {
  if (identity.isDevToken && config.isDevelopment) return true;
  return identity.groups.some((group) => config.knowledge.adminGroups.includes(group));
}

export function readableSpaces(identity: Identity, config: Config): string[] {
  const { spaces } = config.knowledge;
  if (isAdmin(identity, config)) return Object.keys(spaces).sort();
  return Object.entries(spaces)
    .filter(([, groups]) => groups.includes('*') || groups.some((group) => identity.groups.includes(group)))
    .map(([space]) => space)
    .sort();
}

/** The caller's spaces, narrowed to `requested` when given; never wider. */
export function searchSpaces(identity: Identity, config: Config, requested?: readonly string[]): string[] {
  const allowed = readableSpaces(identity, config);
  if (!requested) return allowed;
  const wanted = new Set(requested);
  return allowed.filter((space) => wanted.has(space));
}
