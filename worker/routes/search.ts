import { Hono } from 'hono';
import { SearchRequest, type SearchResponse } from '../../shared/knowledge';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError } from '../http/api-error';
import { knowledgeDeps } from '../knowledge/deps';
import { RetrievalUnavailableError, retrieve } from '../knowledge/retrieve';
import { searchSpaces } from '../knowledge/spaces';
import { jsonBody } from '../middleware/validate';

/** Searches the company knowledge the caller may read; `spaces` in the request only narrows that. */
export const searchRoutes = new Hono<AppEnv>().post('/', ...jsonBody(SearchRequest), async (c) => {
  const body = c.req.valid('json');
  const config = readConfig(c.env);
  const spaces = searchSpaces(c.get('identity'), config, body.spaces);
  const retrieved = await retrieve(knowledgeDeps(c.env, config), {
    query: body.query,
    spaces,
    k: body.k,
    mode: body.mode,
  }).catch((error: unknown) => {
    if (!(error instanceof RetrievalUnavailableError)) throw error;
    throw new ApiError({
      status: 503,
      code: 'vector_index_error',
      title: 'Knowledge search unavailable',
      detail: `${error.message} Try again shortly, or search with more specific words; if it persists, an administrator should check the vector index (the VECTORIZE binding, or the local index in D1) and that EMBEDDING_MODEL matches the dimensions it was built with.`,
      retryable: true,
      headers: { 'Retry-After': '5' },
    });
  });
  const notice = config.knowledge.spacesError ?? retrieved.notice;
  c.header('Server-Timing', `embed;dur=${retrieved.timings.embedMs}, retrieve;dur=${retrieved.timings.totalMs}`);
  const response: SearchResponse = {
    results: retrieved.results,
    mode: retrieved.mode,
    ...(notice ? { notice } : {}),
    ...(retrieved.degraded ? { degraded: true } : {}),
  };
  return c.json(response);
});
