import type { Env } from '../env';

/** Knowledge settings, parsed with the rest of the config (worker/config.ts). */
export interface KnowledgeConfig {
  /** space → groups that may read it; "*" = every signed-in person. */
  spaces: Record<string, string[]>;
  /** Set when SPACES is not valid JSON of that shape: then nobody reads any space (fail closed). */
  spacesError: string | undefined;
  adminGroups: string[];
  /** Spaces customer-facing actions may ground in (CUSTOMER_SAFE_SPACES); empty = none. */
  customerSafeSpaces: string[];
  adminApiKey: string | undefined;
  embeddingDimensions: number | undefined;
  /** False when EMBEDDINGS=false: keyword-only even with a model server. */
  embeddingsEnabled: boolean;
}

/** Without SPACES, one space that every signed-in person reads: the smallest setup that works. */
export const DEFAULT_SPACES: Record<string, string[]> = { company: ['*'] };

const SPACE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function parseSpaces(raw: string | undefined): { spaces: Record<string, string[]>; error: string | undefined } {
  if (!raw?.trim()) return { spaces: DEFAULT_SPACES, error: undefined };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected an object');
    const spaces: Record<string, string[]> = {};
    for (const [space, groups] of Object.entries(parsed)) {
      if (!SPACE_NAME.test(space)) throw new Error(`"${space}" is not a valid space name (a-z, 0-9, _ and -)`);
      if (!Array.isArray(groups) || !groups.every((group) => typeof group === 'string' && group.length > 0)) {
        throw new Error(`the groups of "${space}" must be an array of strings`);
      }
      spaces[space] = groups;
    }
    return { spaces, error: undefined };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { spaces: {}, error: `SPACES is not valid (${reason}); no knowledge space is readable until it is fixed.` };
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function readKnowledgeConfig(env: Env): KnowledgeConfig {
  const { spaces, error } = parseSpaces(env.SPACES);
  if (error) console.error(JSON.stringify({ event: 'config_error', setting: 'SPACES', error }));
  const dimensions = Number.parseInt(env.EMBEDDING_DIMENSIONS ?? '', 10);
  return {
    spaces,
    spacesError: error,
    adminGroups: list(env.ADMIN_GROUPS),
    customerSafeSpaces: list(env.CUSTOMER_SAFE_SPACES),
    adminApiKey: env.ADMIN_API_KEY?.trim() || undefined,
    embeddingDimensions: Number.isInteger(dimensions) && dimensions > 0 ? dimensions : undefined,
    embeddingsEnabled: (env.EMBEDDINGS ?? '').trim().toLowerCase() !== 'false',
  };
}
