import { Hono } from 'hono';
import type { HealthDetails, HealthResponse } from '../../shared/health';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { forbidden } from '../http/api-error';
import { isAdmin } from '../knowledge/spaces';
import { acceptsAdminApiKey } from '../middleware/admin';
import { identify } from '../middleware/auth';
import { modelsOverview, providerTypes } from '../models/overview';

/**
 * `/v1/health` answers anyone with only status and version (a load balancer's and the options page's check);
 * `/v1/health/details` — environment, models, adapters, settings problems — is for administrators
 * (ADMIN_GROUPS, the dev token in development, or ADMIN_API_KEY, which works even when sign-in is misconfigured).
 */
export const healthRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const config = readConfig(c.env);
    const body: HealthResponse = {
      status: config.problems.length > 0 ? 'misconfigured' : 'ok',
      version: config.version,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, config.problems.length > 0 ? 503 : 200);
  })
  .get('/details', async (c) => {
    const config = readConfig(c.env);
    if (!acceptsAdminApiKey(c.req.header('Authorization'), config)) {
      const identity = await identify(c.req, config);
      if (!isAdmin(identity, config)) throw forbidden('Health details are for administrators.');
    }
    const body: HealthDetails = {
      status: config.problems.length > 0 ? 'misconfigured' : 'ok',
      version: config.version,
      environment: config.environment,
      model: {
        configured: config.model.configured,
        ...(config.model.configured ? { chat: config.model.chatModel, embedding: config.model.embeddingModel } : {}),
      },
      models: modelsOverview(config.models),
      adapters: {
        database: 'd1',
        vectorIndex: c.env.VECTORIZE ? 'vectorize' : 'local',
        keywordIndex: 'd1-fts5',
        models: providerTypes(config.models),
        // Without an embedding model, knowledge search is keyword-only (BM25), and says so in its results.
        retrieval: config.models.embedding && config.knowledge.embeddingsEnabled ? 'hybrid' : 'keyword-only',
      },
      auth: { mode: config.auth.mode, ...(config.auth.mode === 'oidc' ? { tokenType: config.auth.tokenType } : {}) },
      problems: config.problems,
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  });
