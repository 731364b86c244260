import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { AssistantCatalog, type AssistantSpecInput, AssistantVersions } from '../../shared/assistants';
import { forgetAdminAssistants } from '../assistants/catalog';
import { ADMIN_GROUP, knowledgeEnv } from '../testing/knowledge';
import { call, DEV_TOKEN, jsonInit, readUIStream, signToken, userMessage } from '../testing/support';

const spec = (overrides: Partial<AssistantSpecInput> = {}): AssistantSpecInput => ({
  specVersion: 1,
  id: 'renewals',
  name: 'Renewals',
  description: 'Prepares renewal calls.',
  icon: '↻',
  instructions: 'RENEWALS-INSTRUCTIONS: focus on renewal risk.',
  model: 'default',
  audience: ['sales-team'],
  ...overrides,
});

const admin = () => signToken({ sub: 'admin-1', groups: [ADMIN_GROUP] });
const salesPerson = () => signToken({ sub: 'sales-1', groups: ['sales-team'] });
const supportPerson = () => signToken({ sub: 'support-1', groups: ['support-team'] });

async function send(method: string, path: string, token: string, body?: unknown) {
  const init: RequestInit =
    body === undefined ? { method, headers: { Authorization: `Bearer ${token}` } } : jsonInit(body, token, { method });
  return call(path, init, await knowledgeEnv());
}

async function problemCode(response: Response): Promise<string> {
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  return ((await response.json()) as { code: string }).code;
}

async function catalogOf(token: string, query = '') {
  const response = await send('GET', `/v1/assistants${query}`, token);
  expect(response.status).toBe(200);
  return AssistantCatalog.parse(await response.json());
}

describe('/v1/assistants', () => {
  beforeEach(async () => {
    await env.DB.batch([env.DB.prepare('DELETE FROM assistants'), env.DB.prepare('DELETE FROM assistant_versions')]);
    forgetAdminAssistants(env.DB);
  });

  it('lists the built-ins for everyone, General first, without instructions or task prompts', async () => {
    const catalog = await catalogOf(await supportPerson());
    expect(catalog.defaultAssistantId).toBe('general');
    expect(catalog.assistants.map((assistant) => assistant.id).slice(0, 3)).toEqual([
      'general',
      'sales',
      'support-resolver',
    ]);
    expect(catalog.assistants.every((assistant) => assistant.source === 'built-in')).toBe(true);
    const text = JSON.stringify(catalog);
    expect(text).not.toContain('instructions');
    expect(text).not.toContain('"task"');
    expect(text).toContain('"follow-up-email"');
  });

  it('names the built-ins and offers their starters in the panel’s language; an admin’s assistant as written', async () => {
    expect(
      (await send('POST', '/v1/assistants', await admin(), spec({ starters: ['Prep my renewal call'] }))).status,
    ).toBe(201);
    const english = await catalogOf(await salesPerson());
    const french = await catalogOf(await salesPerson(), '?lang=fr-FR');
    expect([english.language, french.language]).toEqual(['en', 'fr']);
    const sales = (catalog: AssistantCatalog) => catalog.assistants.find((assistant) => assistant.id === 'sales');
    expect(sales(english)).toMatchObject({
      name: 'Sales',
      starters: expect.arrayContaining(['What are the risks on this deal?']),
    });
    expect(sales(french)).toMatchObject({
      name: 'Ventes',
      starters: expect.arrayContaining(['Quels sont les risques sur cette affaire\u202f?']),
    });
    expect(sales(french)?.description).toMatch(/affaires/);
    // Every built-in has its own French words, never the English ones (the same number of starters).
    for (const [index, assistant] of french.assistants.entries()) {
      if (assistant.source !== 'built-in') continue;
      const inEnglish = english.assistants[index]!;
      expect(assistant.description, assistant.id).not.toBe(inEnglish.description);
      expect(assistant.starters.length, assistant.id).toBe(inEnglish.starters.length);
      for (const starter of assistant.starters) expect(inEnglish.starters).not.toContain(starter);
    }
    // An administrator's assistant keeps its own words; an unknown language gets English.
    const renewals = french.assistants.find((assistant) => assistant.id === 'renewals');
    expect(renewals).toMatchObject({ name: 'Renewals', starters: ['Prep my renewal call'] });
    expect((await catalogOf(await salesPerson(), '?lang=de')).language).toBe('en');
    const one = await send('GET', '/v1/assistants/general?lang=fr', await salesPerson());
    expect(await one.json()).toMatchObject({ name: 'Général' });
  });

  it('creates an assistant (admins), lists it for its audience only, and runs it in chat', async () => {
    const created = await send('POST', '/v1/assistants', await admin(), spec());
    expect(created.status).toBe(201);
    expect(created.headers.get('Location')).toBe('/v1/assistants/renewals');
    expect(await created.json()).toMatchObject({ version: 1, spec: { id: 'renewals', tools: [] } });

    const forSales = await catalogOf(await salesPerson());
    expect(forSales.assistants.find((assistant) => assistant.id === 'renewals')).toMatchObject({
      source: 'admin',
      version: 1,
      name: 'Renewals',
    });
    const forSupport = await catalogOf(await supportPerson());
    expect(forSupport.assistants.map((assistant) => assistant.id)).not.toContain('renewals');

    const tag = `renewals-${crypto.randomUUID()}`;
    const chat = await call(
      '/v1/chat',
      jsonInit({ assistantId: 'renewals', messages: [userMessage(`[[echo-system]] ${tag}`)] }, await salesPerson()),
      await knowledgeEnv(),
    );
    expect(chat.status).toBe(200);
    const chunks = await readUIStream(chat);
    expect(chunks.find((chunk) => chunk.type === 'start')?.messageMetadata).toMatchObject({
      assistant: { id: 'renewals', version: 1 },
    });
    expect(JSON.stringify(chunks)).toContain('RENEWALS-INSTRUCTIONS');
  });

  it('refuses a caller outside the audience with 403 assistant_forbidden, in chat and on GET', async () => {
    expect((await send('POST', '/v1/assistants', await admin(), spec())).status).toBe(201);
    const chat = await call(
      '/v1/chat',
      jsonInit({ assistantId: 'renewals', messages: [userMessage('hello')] }, await supportPerson()),
      await knowledgeEnv(),
    );
    expect(chat.status).toBe(403);
    expect(await problemCode(chat)).toBe('assistant_forbidden');
    const get = await send('GET', '/v1/assistants/renewals', await supportPerson());
    expect(get.status).toBe(403);
    const body = await get.text();
    expect(body).not.toContain('RENEWALS-INSTRUCTIONS');
    expect(body).not.toContain('Prepares renewal calls');
  });

  it('shows the whole spec to administrators and the summary to its audience', async () => {
    await send('POST', '/v1/assistants', await admin(), spec());
    const asAdmin = (await (await send('GET', '/v1/assistants/renewals', await admin())).json()) as {
      spec?: { instructions?: string };
    };
    expect(asAdmin.spec?.instructions).toContain('RENEWALS-INSTRUCTIONS');
    const asSales = await (await send('GET', '/v1/assistants/renewals', await salesPerson())).text();
    expect(asSales).toContain('Renewals');
    expect(asSales).not.toContain('RENEWALS-INSTRUCTIONS');
    expect((await send('GET', '/v1/assistants/nobody', await admin())).status).toBe(404);
  });

  it('answers 400 with field errors for an invalid spec, and stores nothing', async () => {
    const response = await send(
      'POST',
      '/v1/assistants',
      await admin(),
      spec({ model: 'main:gpt-4o-mini', tools: [{ id: 'mcp:crm', approval: 'never' }], specVersion: 7 as 1 }),
    );
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; issues: { path: string }[] };
    expect(problem.code).toBe('invalid_request');
    expect(problem.issues.map((issue) => issue.path).sort()).toEqual(['model', 'specVersion', 'tools.0.id']);
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM assistants').first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });

  it('never lets an administrator shadow a built-in assistant or a built-in quick action', async () => {
    const shadow = await send('POST', '/v1/assistants', await admin(), spec({ id: 'general', audience: ['*'] }));
    expect(shadow.status).toBe(409);
    expect(await problemCode(shadow)).toBe('assistant_id_reserved');
    const task = {
      id: 'ticket-reply',
      label: 'My reply',
      task: 'Reply.',
      output: 'reply' as const,
      kinds: ['ticket' as const],
      request: 'Reply',
    };
    const action = await send('POST', '/v1/assistants', await admin(), spec({ quickActions: [task] }));
    expect(action.status).toBe(409);
    expect(await problemCode(action)).toBe('assistant_id_reserved');
    for (const method of ['PUT', 'DELETE']) {
      const response = await send(
        method,
        '/v1/assistants/general',
        await admin(),
        method === 'PUT' ? spec({ id: 'general' }) : undefined,
      );
      expect(response.status, method).toBe(409);
    }
    // The built-in still answers as itself.
    const catalog = await catalogOf(await salesPerson());
    expect(catalog.assistants.filter((assistant) => assistant.id === 'general')).toHaveLength(1);
    expect(catalog.assistants.find((assistant) => assistant.id === 'general')?.source).toBe('built-in');
  });

  it('refuses a second assistant with the same id (409 assistant_exists)', async () => {
    expect((await send('POST', '/v1/assistants', await admin(), spec())).status).toBe(201);
    const again = await send('POST', '/v1/assistants', await admin(), spec({ name: 'Other' }));
    expect(again.status).toBe(409);
    expect(await problemCode(again)).toBe('assistant_exists');
  });

  it('keeps every revision: PUT makes a new version, GET …/versions lists them newest first', async () => {
    await send('POST', '/v1/assistants', await admin(), spec());
    const updated = await send('PUT', '/v1/assistants/renewals', await admin(), spec({ name: 'Renewals v2' }));
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ version: 2, spec: { name: 'Renewals v2' } });
    await send('PUT', '/v1/assistants/renewals', await admin(), spec({ name: 'Renewals v3' }));

    const versions = AssistantVersions.parse(
      await (await send('GET', '/v1/assistants/renewals/versions', await admin())).json(),
    );
    expect(versions.versions.map((version) => [version.version, version.spec.name])).toEqual([
      [3, 'Renewals v3'],
      [2, 'Renewals v2'],
      [1, 'Renewals'],
    ]);
    expect(versions.versions[0]?.createdBy).toBe('admin-1');
    const catalog = await catalogOf(await salesPerson());
    expect(catalog.assistants.find((assistant) => assistant.id === 'renewals')).toMatchObject({
      name: 'Renewals v3',
      version: 3,
    });
  });

  it('refuses a PUT whose body names another id, or an assistant that does not exist', async () => {
    await send('POST', '/v1/assistants', await admin(), spec());
    const renamed = await send('PUT', '/v1/assistants/renewals', await admin(), spec({ id: 'other' }));
    expect(renamed.status).toBe(400);
    const missing = await send('PUT', '/v1/assistants/nobody', await admin(), spec({ id: 'nobody' }));
    expect(missing.status).toBe(404);
    expect(await problemCode(missing)).toBe('assistant_not_found');
  });

  it('deletes an assistant: gone from the catalog and from chat', async () => {
    await send('POST', '/v1/assistants', await admin(), spec());
    expect((await send('DELETE', '/v1/assistants/renewals', await admin())).status).toBe(204);
    expect((await catalogOf(await salesPerson())).assistants.map((assistant) => assistant.id)).not.toContain(
      'renewals',
    );
    const chat = await call(
      '/v1/chat',
      jsonInit({ assistantId: 'renewals', messages: [userMessage('hello')] }, await salesPerson()),
      await knowledgeEnv(),
    );
    expect(chat.status).toBe(404);
    expect(await problemCode(chat)).toBe('assistant_not_found');
    expect((await send('DELETE', '/v1/assistants/renewals', await admin())).status).toBe(404);
    // Re-created, it continues the revision count: its history is kept.
    expect(await (await send('POST', '/v1/assistants', await admin(), spec())).json()).toMatchObject({ version: 2 });
  });

  it('records every create, edit and delete in the audit log, with who and which version', async () => {
    const id = `audited-${crypto.randomUUID().slice(0, 8)}`;
    const token = await signToken({ sub: 'admin-2', email: 'ops@example.com', groups: [ADMIN_GROUP] });
    await send('POST', '/v1/assistants', token, spec({ id }));
    await send('PUT', `/v1/assistants/${id}`, token, spec({ id, name: 'Renewals v2' }));
    await send('DELETE', `/v1/assistants/${id}`, token);
    // A refused write is not an edit: nothing is recorded for it.
    await send('PUT', `/v1/assistants/${id}`, await salesPerson(), spec({ id, name: 'Hijacked' }));
    const { results } = await env.DB.prepare(
      'SELECT actor, action, details FROM audit_log WHERE target = ? ORDER BY id',
    )
      .bind(id)
      .all<{ actor: string; action: string; details: string }>();
    expect(results.map((row) => [row.actor, row.action, JSON.parse(row.details).version])).toEqual([
      ['ops@example.com', 'assistant.create', 1],
      ['ops@example.com', 'assistant.update', 2],
      ['ops@example.com', 'assistant.delete', undefined],
    ]);
  });

  it('refuses every write to people who are not administrators, and stores nothing', async () => {
    const token = await salesPerson();
    for (const [method, path, body] of [
      ['POST', '/v1/assistants', spec()],
      ['PUT', '/v1/assistants/renewals', spec()],
      ['DELETE', '/v1/assistants/renewals', undefined],
      ['GET', '/v1/assistants/renewals/versions', undefined],
    ] as const) {
      const response = await send(method, path, token, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await problemCode(response)).toBe('forbidden');
    }
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM assistant_versions').first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });

  it('runs an admin-defined quick action only for its audience', async () => {
    const task = {
      id: 'renewal-risks',
      label: 'Renewal risks',
      task: 'RENEWAL-RISK-TASK: list the renewal risks.',
      output: 'markdown' as const,
      kinds: ['record' as const],
      request: 'List the renewal risks',
    };
    await send('POST', '/v1/assistants', await admin(), spec({ quickActions: [task] }));
    const page = {
      url: 'https://acme.lightning.force.com/x',
      title: 'Acme',
      site: 'salesforce-lightning',
      kind: 'record',
      markdown: 'Renewal in March.',
      capturedAt: '2026-12-01T10:00:00.000Z',
    };
    const allowed = await call(
      '/v1/actions/renewal-risks',
      jsonInit({ page, messages: [userMessage('[[echo-system]] go')] }, await salesPerson()),
      await knowledgeEnv(),
    );
    expect(allowed.status).toBe(200);
    expect(JSON.stringify(await readUIStream(allowed))).toContain('RENEWAL-RISK-TASK');
    const refused = await call(
      '/v1/actions/renewal-risks',
      jsonInit({ page }, await supportPerson()),
      await knowledgeEnv(),
    );
    expect(refused.status).toBe(403);
    expect(await problemCode(refused)).toBe('assistant_forbidden');
  });

  it('treats the development token as an administrator in development', async () => {
    expect((await send('POST', '/v1/assistants', DEV_TOKEN, spec({ id: 'dev-made' }))).status).toBe(201);
  });
});
