import { vectorIndexFor } from '../adapters/vector-index-for';
import type { Config } from '../config';
import type { Env } from '../env';
import { embedderFor } from './embed';
import type { KnowledgeDeps } from './ingest';

export function knowledgeDeps(env: Env, config: Config): KnowledgeDeps {
  return { db: env.DB, index: vectorIndexFor(env, config), embedder: embedderFor(config) };
}
