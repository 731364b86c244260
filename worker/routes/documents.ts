import { type Context, Hono } from 'hono';
import {
  type DeleteResult,
  DocumentId,
  DocumentInput,
  type DocumentSummary,
  type IngestResult,
  ListDocumentsQuery,
  type ListDocumentsResponse,
} from '../../shared/knowledge';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError, notFound } from '../http/api-error';
import { knowledgeDeps } from '../knowledge/deps';
import {
  DocumentSpaceConflictError,
  EmbeddingFailedError,
  EmptyDocumentError,
  ingestDocument,
  removeDocument,
} from '../knowledge/ingest';
import type { StoredDocument } from '../knowledge/store';
import { listDocuments } from '../knowledge/store';
import { requireAdmin } from '../middleware/admin';
import { jsonBody, queryParams } from '../middleware/validate';
import { auditRequest } from '../oversight/audit';
import { VectorIndexError } from '../ports/vector-index';

function summary(document: StoredDocument): DocumentSummary {
  return {
    id: document.id,
    title: document.title,
    url: document.url,
    space: document.space,
    chunks: document.chunkCount,
    contentHash: document.contentHash,
    embeddingModel: document.embeddingModel,
    updatedAt: document.updatedAt,
    ingestedAt: document.ingestedAt,
  };
}

/** Failures of ingestion as problems a person (or the CLI) can act on; the stored version is always intact. */
function ingestProblem(error: unknown): unknown {
  if (error instanceof EmptyDocumentError) {
    return new ApiError({
      status: 400,
      code: 'invalid_request',
      title: 'Empty document',
      detail: error.message,
      issues: [{ path: 'markdown', message: error.message }],
    });
  }
  if (error instanceof DocumentSpaceConflictError) {
    return new ApiError({
      status: 409,
      code: 'document_space_conflict',
      title: 'Document belongs to another space',
      detail: error.message,
      issues: [{ path: 'space', message: `Stored in "${error.storedSpace}".` }],
    });
  }
  if (error instanceof EmbeddingFailedError) {
    return new ApiError({
      status: 502,
      code: 'upstream_error',
      title: 'Embedding failed',
      detail: `${error.message} Try again; if it keeps failing, check the embedding model (EMBEDDING_MODEL).`,
      retryable: true,
    });
  }
  if (error instanceof VectorIndexError) {
    return new ApiError({
      status: 503,
      code: 'vector_index_error',
      title: 'Vector index refused',
      detail: `${error.message} The stored version of the document is unchanged. If the index's dimensions differ from the embedding model's (EMBEDDING_MODEL, EMBEDDING_DIMENSIONS), rebuild the index or use the model it was built with; otherwise try again shortly.`,
    });
  }
  return error;
}

/** An ingest that changed the knowledge base, in the audit log (unchanged re-ingests change nothing). */
function auditIngest(c: Context<AppEnv>, result: IngestResult, move: boolean) {
  const { id, ...details } = result;
  return auditRequest(c, 'document.ingest', id, { ...details, ...(move ? { move } : {}) });
}

/** Knowledge management: add or replace, list and delete documents. Administrators or the admin API key only. */
export const documentRoutes = new Hono<AppEnv>()
  .use('*', requireAdmin())
  .post('/', ...jsonBody(DocumentInput), async (c) => {
    const input = c.req.valid('json');
    const config = readConfig(c.env);
    const known = Object.keys(config.knowledge.spaces);
    if (!known.includes(input.space)) {
      const message = `Unknown space "${input.space}". Configured spaces (SPACES): ${known.join(', ') || 'none'}.`;
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        title: 'Unknown space',
        detail: message,
        issues: [{ path: 'space', message }],
      });
    }
    try {
      const { timings, ...result } = await ingestDocument(knowledgeDeps(c.env, config), input);
      c.header('Server-Timing', `embed;dur=${timings.embedMs}, write;dur=${timings.writeMs}`);
      if (result.status !== 'unchanged') await auditIngest(c, result, input.move === true);
      return c.json(result, result.status === 'created' ? 201 : 200);
    } catch (error) {
      throw ingestProblem(error);
    }
  })
  .get('/', queryParams(ListDocumentsQuery), async (c) => {
    const query = c.req.valid('query');
    const documents = await listDocuments(c.env.DB, {
      spaces: query.space ? [query.space] : undefined,
      after: query.after,
      limit: query.limit + 1,
    });
    const page = documents.slice(0, query.limit);
    const body: ListDocumentsResponse = {
      documents: page.map(summary),
      ...(documents.length > query.limit ? { next: page.at(-1)?.id } : {}),
    };
    return c.json(body);
  })
  // `{.+}`: ids are often paths or URLs; clients percent-encode them into one segment.
  .delete('/:id{.+}', async (c) => {
    const parsed = DocumentId.safeParse(c.req.param('id'));
    if (!parsed.success) {
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        title: 'Invalid document id',
        detail: parsed.error.message,
      });
    }
    const config = readConfig(c.env);
    const removed = await removeDocument(knowledgeDeps(c.env, config), parsed.data).catch((error) => {
      throw ingestProblem(error);
    });
    if (!removed) throw notFound(`No document with id "${parsed.data}".`);
    await auditRequest(c, 'document.delete', parsed.data, { chunks: removed.chunks });
    const body: DeleteResult = { id: parsed.data, deleted: true, chunks: removed.chunks };
    return c.json(body);
  });
