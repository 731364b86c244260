import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  type AssistantCatalog,
  AssistantSpec,
  type AssistantVersions,
  catalogLanguageOf,
  DEFAULT_ASSISTANT_ID,
  inAudience,
} from '../../shared/assistants';
import {
  assistantForbidden,
  assistantNotFound,
  findAssistant,
  forgetAdminAssistants,
  usableAssistants,
} from '../assistants/catalog';
import { findBuiltInAssistant, isBuiltInQuickAction } from '../assistants/registry';
import { AssistantStore } from '../assistants/store';
import { summaryOf } from '../assistants/summary';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { ApiError, forbidden } from '../http/api-error';
import { isAdmin } from '../knowledge/spaces';
import { jsonBody } from '../middleware/validate';
import { auditRequest } from '../oversight/audit';

const adminsOnly = createMiddleware<AppEnv>(async function requireAssistantAdmin(c, next) {
  if (!isAdmin(c.get('identity'), readConfig(c.env))) {
    throw forbidden('Managing assistants needs an administrator (ADMIN_GROUPS).');
  }
  await next();
});

/** Built-in ids, and the ids of built-in quick actions, belong to the product: an administrator's spec cannot take them. */
function refuseReserved(spec: AssistantSpec): void {
  if (findBuiltInAssistant(spec.id)) {
    throw new ApiError({
      status: 409,
      code: 'assistant_id_reserved',
      title: 'Built-in assistant',
      detail: `"${spec.id}" is a built-in assistant: pick another id (built-ins cannot be replaced or shadowed).`,
      issues: [{ path: 'id', message: 'The id of a built-in assistant.' }],
    });
  }
  const taken = spec.quickActions.flatMap((action, index) =>
    isBuiltInQuickAction(action.id)
      ? [{ path: `quickActions.${index}.id`, message: `"${action.id}" is a built-in quick action.` }]
      : [],
  );
  if (taken.length > 0) {
    throw new ApiError({
      status: 409,
      code: 'assistant_id_reserved',
      title: 'Built-in quick action',
      detail: 'A quick action of this assistant takes the id of a built-in one: rename it.',
      issues: taken,
    });
  }
}

const notBuiltIn = (id: string) =>
  new ApiError({
    status: 409,
    code: 'assistant_id_reserved',
    title: 'Built-in assistant',
    detail: `"${id.slice(0, 64)}" is a built-in assistant: it changes with the product, not through this API.`,
  });

/**
 * `/v1/assistants`: the catalog the panel reads (what the caller may use) and, for administrators, the assistants
 * they define (stored in D1, every revision kept). Writes answer with the stored spec and its revision.
 */
export const assistantRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const assistants = await usableAssistants(c.env.DB, c.get('identity'));
    // `?lang=fr`: the panel's language (any other or none: English), for the built-ins' names and starters.
    const language = catalogLanguageOf(c.req.query('lang'));
    const body: AssistantCatalog = {
      assistants: assistants.map((assistant) => summaryOf(assistant, language)),
      defaultAssistantId: DEFAULT_ASSISTANT_ID,
      language,
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  })
  .get('/:id', async (c) => {
    const id = c.req.param('id');
    const found = await findAssistant(c.env.DB, id);
    if (!found) throw assistantNotFound(id);
    const identity = c.get('identity');
    const language = catalogLanguageOf(c.req.query('lang'));
    // Administrators see the whole spec (instructions and tasks included), whoever its audience is.
    if (isAdmin(identity, readConfig(c.env))) {
      return c.json({ ...summaryOf(found, language), spec: found.spec });
    }
    if (!inAudience(found.spec.audience, identity.groups)) throw assistantForbidden(id);
    return c.json(summaryOf(found, language));
  })
  .get('/:id/versions', adminsOnly, async (c) => {
    const id = c.req.param('id');
    const versions = await new AssistantStore(c.env.DB).versions(id);
    if (versions.length === 0) {
      if (findBuiltInAssistant(id)) throw notBuiltIn(id);
      throw assistantNotFound(id);
    }
    const body: AssistantVersions = { id, versions };
    return c.json(body);
  })
  .post('/', adminsOnly, ...jsonBody(AssistantSpec), async (c) => {
    const spec = c.req.valid('json');
    refuseReserved(spec);
    const stored = await new AssistantStore(c.env.DB).create(spec, c.get('identity').subject);
    if (!stored) {
      throw new ApiError({
        status: 409,
        code: 'assistant_exists',
        title: 'Assistant exists',
        detail: `An assistant "${spec.id}" already exists: change it with PUT /v1/assistants/${spec.id}.`,
        issues: [{ path: 'id', message: 'Already in use.' }],
      });
    }
    forgetAdminAssistants(c.env.DB);
    await auditRequest(c, 'assistant.create', spec.id, { version: stored.version, name: stored.spec.name });
    c.header('Location', `/v1/assistants/${spec.id}`);
    return c.json({ spec: stored.spec, version: stored.version }, 201);
  })
  .put('/:id', adminsOnly, ...jsonBody(AssistantSpec), async (c) => {
    const id = c.req.param('id');
    const spec = c.req.valid('json');
    if (findBuiltInAssistant(id)) throw notBuiltIn(id);
    if (spec.id !== id) {
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        title: 'Invalid request',
        detail: 'The id in the body must be the id in the path: an assistant cannot be renamed, create a new one.',
        issues: [{ path: 'id', message: `Expected "${id.slice(0, 64)}".` }],
      });
    }
    refuseReserved(spec);
    const stored = await new AssistantStore(c.env.DB).update(spec, c.get('identity').subject);
    if (!stored) throw assistantNotFound(id);
    forgetAdminAssistants(c.env.DB);
    await auditRequest(c, 'assistant.update', id, { version: stored.version, name: stored.spec.name });
    return c.json({ spec: stored.spec, version: stored.version });
  })
  .delete('/:id', adminsOnly, async (c) => {
    const id = c.req.param('id');
    if (findBuiltInAssistant(id)) throw notBuiltIn(id);
    if (!(await new AssistantStore(c.env.DB).delete(id))) throw assistantNotFound(id);
    forgetAdminAssistants(c.env.DB);
    await auditRequest(c, 'assistant.delete', id);
    return c.body(null, 204);
  });
