import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { listServerTools } from './client';
import type { McpServer } from './settings';

const mcpUrl = () => inject('mcpUrl');

/** A server entry of its own per test: listings are cached per server name and URL. */
function server(): McpServer {
  return {
    name: `crm-${crypto.randomUUID().slice(0, 8)}`,
    url: `${mcpUrl()}/mcp`,
    headers: { Authorization: 'Bearer crm-test-token' },
    allowedTools: ['lookup_account'],
    readOnlyTools: [],
    writeTools: [],
  };
}

/** Counts the requests made to the MCP server while `run` runs (the client uses the global fetch). */
function countingRequests() {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  return () =>
    fetchSpy.mock.calls.filter(([input]) => String(input instanceof Request ? input.url : input).startsWith(mcpUrl()))
      .length;
}

let now = Date.parse('2026-12-02T09:00:00Z');
const at = (ms: number) => vi.spyOn(Date, 'now').mockReturnValue(now + ms);

afterEach(() => {
  vi.restoreAllMocks();
  now += 3_600_000;
});

describe('MCP tool listings are cached per isolate', () => {
  it('a fresh listing is reused without asking the server again', async () => {
    const crm = server();
    const requests = countingRequests();
    at(0);
    const first = await listServerTools(crm);
    expect(first.map((tool) => tool.name)).toContain('lookup_account');
    const made = requests();
    expect(made).toBeGreaterThan(0);
    at(30_000);
    expect(await listServerTools(crm)).toBe(first);
    expect(requests()).toBe(made);
  });

  it('past its minute, the listing that worked answers at once while a new one is fetched alongside', async () => {
    const crm = server();
    const requests = countingRequests();
    at(0);
    const first = listServerTools(crm);
    const tools = await first;
    const made = requests();
    at(61_000);
    // The same, already settled listing: the question does not wait for the server.
    const stale = listServerTools(crm);
    expect(stale).toBe(first);
    await vi.waitFor(() => expect(requests()).toBeGreaterThan(made));
    // Once the new listing is in, it is the one served (a new promise with the server's current tools).
    await vi.waitFor(() => expect(listServerTools(crm)).not.toBe(first));
    expect((await listServerTools(crm)).map((tool) => tool.name)).toEqual(tools.map((tool) => tool.name));
  });

  it('a listing older than five minutes is not served: the question waits for a fresh one', async () => {
    const crm = server();
    at(0);
    const first = listServerTools(crm);
    await first;
    at(6 * 60_000);
    const later = listServerTools(crm);
    expect(later).not.toBe(first);
    expect((await later).map((tool) => tool.name)).toContain('lookup_account');
  });
});
