import { Hono } from 'hono';
import type { HealthResponse } from '../../shared/health';
import { readConfig } from '../config';
import type { AppEnv } from '../context';

/** The only route without auth: what is deployed and what it can do, without revealing secrets. */
export const healthRoutes = new Hono<AppEnv>().get('/', (c) => {
  const config = readConfig(c.env);
  const body: HealthResponse = {
    status: 'ok',
    version: config.version,
    environment: config.environment,
    model: {
      configured: config.model.configured,
      ...(config.model.configured ? { chat: config.model.chatModel, embedding: config.model.embeddingModel } : {}),
    },
    adapters: {
      database: 'd1',
      vectorIndex: c.env.VECTORIZE ? 'vectorize' : 'local',
      keywordIndex: 'd1-fts5',
      models: config.model.configured ? (config.model.baseURL ? 'openai-compatible' : 'openai') : 'none',
      // Without an embedding model, knowledge search is keyword-only (BM25), and says so in its results.
      retrieval: config.model.configured && config.knowledge.embeddingsEnabled ? 'hybrid' : 'keyword-only',
    },
  };
  return c.json(body);
});
