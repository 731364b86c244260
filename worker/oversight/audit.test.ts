import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../shared/errors';
import { AuditPage } from '../../shared/oversight';
import { ADMIN_API_KEY, ADMIN_GROUP, knowledgeEnv, resetKnowledge } from '../testing/knowledge';
import { callSettled } from '../testing/oversight';
import { jsonInit, signToken } from '../testing/support';
import { audit } from './audit';

const adminEmail = () => `admin-${crypto.randomUUID()}@example.com`;
const adminToken = (email: string) => signToken({ sub: email, email, groups: [ADMIN_GROUP] });

async function auditPage(query: string, token: string, environment?: Awaited<ReturnType<typeof knowledgeEnv>>) {
  const { response, text } = await callSettled(
    `/v1/admin/audit${query}`,
    { headers: { Authorization: `Bearer ${token}` } },
    environment ?? (await knowledgeEnv()),
  );
  return { response, text };
}

async function entriesFor(actor: string, token: string) {
  const { response, text } = await auditPage(`?actor=${encodeURIComponent(actor)}`, token);
  expect(response.status).toBe(200);
  return AuditPage.parse(JSON.parse(text)).entries;
}

const doc = (id: string, markdown = '# Returns\n\nReturns are accepted within 30 days.') => ({
  id,
  title: 'Returns',
  space: 'company',
  markdown,
});

describe('audit log: document ingest and delete', () => {
  it('records who added, replaced and deleted a document; an unchanged re-ingest changes nothing and records nothing', async () => {
    await resetKnowledge();
    const email = adminEmail();
    const token = await adminToken(email);
    const environment = await knowledgeEnv();
    const id = `returns-${crypto.randomUUID()}`;
    expect((await callSettled('/v1/documents', jsonInit(doc(id), token), environment)).response.status).toBe(201);
    expect((await callSettled('/v1/documents', jsonInit(doc(id), token), environment)).response.status).toBe(200);
    await callSettled('/v1/documents', jsonInit(doc(id, '# Returns\n\nNow 60 days.'), token), environment);
    const deleted = await callSettled(
      `/v1/documents/${encodeURIComponent(id)}`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } },
      environment,
    );
    expect(deleted.response.status).toBe(200);

    const entries = await entriesFor(email, token);
    expect(entries.map((entry) => [entry.action, entry.target, entry.details.status ?? null])).toEqual([
      ['document.delete', id, null],
      ['document.ingest', id, 'updated'],
      ['document.ingest', id, 'created'],
    ]);
    expect(entries[2]?.details).toMatchObject({ space: 'company', chunks: 1 });
    expect(entries[0]?.details).toMatchObject({ chunks: 1 });
    expect(entries.every((entry) => entry.actor === email && entry.requestId)).toBe(true);
  });

  it('names the admin API key as the actor when it was used', async () => {
    const id = `key-${crypto.randomUUID()}`;
    const environment = await knowledgeEnv();
    await callSettled('/v1/documents', jsonInit(doc(id), ADMIN_API_KEY), environment);
    const { results } = await env.DB.prepare('SELECT actor, action FROM audit_log WHERE target = ?').bind(id).all();
    expect(results).toEqual([{ actor: 'api-key', action: 'document.ingest' }]);
  });

  it('a refused ingest (unknown space) records nothing', async () => {
    const id = `refused-${crypto.randomUUID()}`;
    const { response } = await callSettled(
      '/v1/documents',
      jsonInit({ ...doc(id), space: 'nowhere' }, await adminToken(adminEmail())),
      await knowledgeEnv(),
    );
    expect(response.status).toBe(400);
    const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE target = ?')
      .bind(id)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
  });
});

describe('GET /v1/admin/audit', () => {
  it('filters by actor, action and time, newest first, a page at a time', async () => {
    const actor = adminEmail();
    for (let index = 0; index < 5; index++) {
      await audit(env, {
        actor,
        action: 'assistant.update',
        target: `assistant-${index}`,
        details: { version: index },
      });
    }
    await audit(env, { actor, action: 'tool.write', target: 'update_stage', details: { approvedBy: actor } });
    const token = await adminToken(adminEmail());

    const first = AuditPage.parse(
      JSON.parse((await auditPage(`?actor=${encodeURIComponent(actor)}&action=assistant.update&limit=2`, token)).text),
    );
    expect(first.entries.map((entry) => entry.target)).toEqual(['assistant-4', 'assistant-3']);
    expect(first.next).toBe(first.entries[1]?.id);
    const second = AuditPage.parse(
      JSON.parse(
        (
          await auditPage(
            `?actor=${encodeURIComponent(actor)}&action=assistant.update&limit=2&before=${first.next}`,
            token,
          )
        ).text,
      ),
    );
    expect(second.entries.map((entry) => entry.target)).toEqual(['assistant-2', 'assistant-1']);
    const last = AuditPage.parse(
      JSON.parse(
        (
          await auditPage(
            `?actor=${encodeURIComponent(actor)}&action=assistant.update&limit=2&before=${second.next}`,
            token,
          )
        ).text,
      ),
    );
    expect(last.entries.map((entry) => entry.target)).toEqual(['assistant-0']);
    expect(last.next).toBeNull();

    const tools = AuditPage.parse(
      JSON.parse((await auditPage(`?actor=${encodeURIComponent(actor)}&action=tool.write`, token)).text),
    );
    expect(tools.entries).toHaveLength(1);
    expect(tools.entries[0]?.details).toEqual({ approvedBy: actor });

    const today = new Date().toISOString().slice(0, 10);
    const inDay = AuditPage.parse(
      JSON.parse((await auditPage(`?actor=${encodeURIComponent(actor)}&from=${today}&to=${today}`, token)).text),
    );
    expect(inDay.entries).toHaveLength(6);
    const past = AuditPage.parse(
      JSON.parse((await auditPage(`?actor=${encodeURIComponent(actor)}&to=2020-01-01T00:00:00Z`, token)).text),
    );
    expect(past.entries).toEqual([]);
  });

  it('is for administrators only: 403 for others, 401 without sign-in; the admin API key does not open it', async () => {
    const person = await auditPage('', await signToken({ groups: ['sales-team'] }));
    expect(person.response.status).toBe(403);
    expect(Problem.parse(JSON.parse(person.text)).code).toBe('forbidden');
    expect((await auditPage('', ADMIN_API_KEY)).response.status).toBe(401);
    const anonymous = await callSettled('/v1/admin/audit', {}, await knowledgeEnv());
    expect(anonymous.response.status).toBe(401);
  });

  it('refuses bad filters with 400 invalid_request', async () => {
    const token = await adminToken(adminEmail());
    for (const query of ['?action=document.burn', '?limit=5000', '?from=yesterday', '?before=-3']) {
      const { response, text } = await auditPage(query, token);
      expect(response.status, query).toBe(400);
      expect(Problem.parse(JSON.parse(text)).code).toBe('invalid_request');
    }
  });

  it('is append-only: no route changes an entry, and the table itself refuses UPDATE and DELETE', async () => {
    const actor = adminEmail();
    await audit(env, { actor, action: 'assistant.delete', target: 'kept' });
    const token = await adminToken(adminEmail());
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const { response } = await callSettled(
        '/v1/admin/audit',
        { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' },
        await knowledgeEnv(),
      );
      expect(response.status, method).toBeGreaterThanOrEqual(400);
      expect(response.status, method).toBeLessThan(500);
    }
    await expect(
      env.DB.prepare('UPDATE audit_log SET actor = ? WHERE actor = ?').bind('someone', actor).run(),
    ).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM audit_log WHERE actor = ?').bind(actor).run()).rejects.toThrow(
      /append-only/,
    );
    expect(await entriesFor(actor, token)).toHaveLength(1);
  });
});

describe('audit log: settings seen at start', () => {
  it('the first request of an instance records the effective settings, secrets only as "set"; later requests add nothing', async () => {
    const marker = `https://login-${crypto.randomUUID()}.example.com/`;
    const environment = await knowledgeEnv({
      AUTH_JWKS_URL: `${marker}jwks`,
      OPENAI_API_KEY: 'sk-SECRET-VALUE-1',
      OPENAI_BASE_URL: 'https://user:PASSWORD-SECRET@models.example.com/v1',
      DAILY_TOKEN_QUOTA: '50000',
    });
    await callSettled('/v1/health', {}, environment);
    await callSettled('/v1/config', {}, environment);
    const { results } = await env.DB.prepare(
      `SELECT actor, details FROM audit_log WHERE action = 'settings.seen' AND instr(details, ?) > 0`,
    )
      .bind(marker)
      .all<{ actor: string; details: string }>();
    expect(results).toHaveLength(1);
    expect(results[0]?.actor).toBe('system');
    const details = JSON.parse(results[0]?.details ?? '{}');
    expect(details.settings).toMatchObject({
      ENVIRONMENT: 'development',
      DAILY_TOKEN_QUOTA: '50000',
      AUTH_JWKS_URL: `${marker}jwks`,
      OPENAI_BASE_URL: 'https://models.example.com/v1',
      ADMIN_GROUPS: ADMIN_GROUP,
    });
    expect(details.secretsSet).toEqual(
      expect.arrayContaining(['OPENAI_API_KEY', 'DEV_TOKEN', 'ADMIN_API_KEY', 'USAGE_PSEUDONYM_KEY']),
    );
    expect(results[0]?.details).not.toMatch(/SECRET|test-dev-token|test-admin-api-key|test-usage-pseudonym-key/);
  });
});

describe('audit log: admin sign-in to the console', () => {
  it('opening the console records one sign-in per session, not one per page load', async () => {
    const email = adminEmail();
    const token = await adminToken(email);
    const environment = await knowledgeEnv();
    for (let load = 0; load < 3; load++) {
      const { response } = await callSettled(
        '/v1/admin/session',
        { headers: { Authorization: `Bearer ${token}` } },
        environment,
      );
      expect(response.status).toBe(200);
    }
    const entries = await entriesFor(email, token);
    expect(entries.map((entry) => entry.action)).toEqual(['admin.sign_in']);

    const refused = await callSettled(
      '/v1/admin/session',
      { headers: { Authorization: `Bearer ${await signToken({ sub: 'not-admin', email: 'x@example.com' })}` } },
      environment,
    );
    expect(refused.response.status).toBe(403);
    const { results } = await env.DB.prepare(`SELECT 1 FROM audit_log WHERE actor = 'x@example.com'`).all();
    expect(results).toEqual([]);
  });

  it('records every sign-in the console announces, also twice within the hour, and not a reload after it', async () => {
    const email = adminEmail();
    const token = await adminToken(email);
    const environment = await knowledgeEnv();
    const session = (method: 'GET' | 'POST', query = '') =>
      callSettled(
        `/v1/admin/session${query}`,
        { method, headers: { Authorization: `Bearer ${token}`, 'User-Agent': 'Console test' } },
        environment,
      );
    expect((await session('POST', '?via=identity-provider')).response.status).toBe(200);
    expect((await session('GET')).response.status).toBe(200);
    expect((await session('POST', '?via=token')).response.status).toBe(200);
    const { results } = await env.DB.prepare(
      "SELECT action, target, details FROM audit_log WHERE actor = ? AND action = 'admin.sign_in' ORDER BY id",
    )
      .bind(email)
      .all<{ action: string; target: string; details: string }>();
    expect(results.map((row) => ({ ...row, details: JSON.parse(row.details) }))).toEqual([
      {
        action: 'admin.sign_in',
        target: 'admin-console',
        details: { via: 'identity-provider', userAgent: 'Console test' },
      },
      { action: 'admin.sign_in', target: 'admin-console', details: { via: 'token', userAgent: 'Console test' } },
    ]);

    const outsider = await signToken({ sub: 'not-admin-post', email: 'y@example.com' });
    const refused = await callSettled(
      '/v1/admin/session',
      { method: 'POST', headers: { Authorization: `Bearer ${outsider}` } },
      environment,
    );
    expect(refused.response.status).toBe(403);
    const none = await env.DB.prepare("SELECT 1 FROM audit_log WHERE actor = 'y@example.com'").all();
    expect(none.results).toEqual([]);
  });
});
