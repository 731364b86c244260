import type { Config } from '../config';
import type { Env } from '../env';
import type { VectorIndex } from '../ports/vector-index';
import { VectorizeIndexAdapter } from './cloudflare/vectorize';
import { LocalVectorIndex } from './local/vector-index';

/** Vectorize when the deployment binds it; otherwise the local index in D1 (wrangler dev, tests). */
export function vectorIndexFor(env: Env, config: Config): VectorIndex {
  const dimensions = config.knowledge.embeddingDimensions;
  const options = dimensions ? { dimensions } : {};
  return env.VECTORIZE ? new VectorizeIndexAdapter(env.VECTORIZE, options) : new LocalVectorIndex(env.DB, options);
}
