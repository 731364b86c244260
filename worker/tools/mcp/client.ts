import { type CallToolResult, createMCPClient, type ListToolsResult, type MCPClient } from '@ai-sdk/mcp';
import type { McpServer } from './settings';

export type McpToolDefinition = ListToolsResult['tools'][number];

/** A tool listing is fresh this long: assistants list tools on every question, servers rarely change theirs. */
const LISTING_TTL_MS = 60_000;
/**
 * Past its TTL a listing is still used, at most this long after it was fetched, while a new one is fetched alongside:
 * the question that finds it old does not wait for a server round trip before its first token. Past this age (a
 * server that keeps failing), a question waits for a fresh listing again.
 */
const LISTING_MAX_STALE_MS = 5 * 60_000;
const CALL_TIMEOUT_MS = 30_000;
const LIST_TIMEOUT_MS = 10_000;

interface Listing {
  at: number;
  tools: Promise<McpToolDefinition[]>;
  /** Set once `tools` has resolved: only a listing that worked may be served stale. */
  ready: boolean;
  refreshing?: boolean;
}

const listings = new Map<string, Listing>();
/**
 * Never follows a redirect: the request carries the server's credentials, which must not reach another address.
 * (workerd has no `redirect: "error"`, so redirects are taken manually and refused here.)
 */
const noRedirectFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, { ...init, redirect: 'manual' });
  if (response.status >= 300 && response.status < 400) {
    throw new Error(`The MCP server answered with a redirect (${response.status}); Beside does not follow it.`);
  }
  return response;
};

/** One Streamable HTTP client per operation: nothing to keep alive between requests of a stateless worker. */
async function withClient<T>(server: McpServer, use: (client: MCPClient) => Promise<T>): Promise<T> {
  const client = await createMCPClient({
    transport: { type: 'http', url: server.url, headers: server.headers, redirect: 'follow', fetch: noRedirectFetch },
    clientName: 'beside',
    initializationOptions: { timeout: LIST_TIMEOUT_MS },
  });
  try {
    return await use(client);
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function listAll(server: McpServer): Promise<McpToolDefinition[]> {
  return withClient(server, async (client) => {
    const tools: McpToolDefinition[] = [];
    let cursor: string | undefined;
    // A server could page forever; 10 pages of tools is far beyond any allowed list.
    for (let page = 0; page < 10; page++) {
      const result = await client.listTools({
        ...(cursor ? { params: { cursor } } : {}),
        options: { timeout: LIST_TIMEOUT_MS },
      });
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return tools;
  });
}

function fetchListing(key: string, server: McpServer): Listing {
  const listing: Listing = { at: Date.now(), tools: listAll(server), ready: false };
  listing.tools.then(
    () => {
      listing.ready = true;
    },
    () => {
      // A failed listing is not kept: the next question tries again (a working older one stays until then).
      if (listings.get(key) === listing) listings.delete(key);
    },
  );
  return listing;
}

/**
 * The server's tools (its own descriptions, schemas and annotations), fresh for a minute per server; an older
 * listing (up to LISTING_MAX_STALE_MS) is used while a new one is fetched in the background.
 */
export function listServerTools(server: McpServer): Promise<McpToolDefinition[]> {
  const key = `${server.name}\n${server.url}`;
  const cached = listings.get(key);
  const age = cached ? Date.now() - cached.at : Number.POSITIVE_INFINITY;
  if (cached && age < LISTING_TTL_MS) return cached.tools;
  if (cached?.ready && age < LISTING_MAX_STALE_MS) {
    if (!cached.refreshing) {
      cached.refreshing = true;
      const next = fetchListing(key, server);
      next.tools.then(
        () => listings.set(key, next),
        () => {
          cached.refreshing = false;
        },
      );
    }
    return cached.tools;
  }
  const listing = fetchListing(key, server);
  listings.set(key, listing);
  return listing.tools;
}

export function callServerTool(
  server: McpServer,
  name: string,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<CallToolResult> {
  return withClient(server, (client) =>
    client.callTool({ name, arguments: args, options: { timeout: CALL_TIMEOUT_MS, ...(signal ? { signal } : {}) } }),
  );
}
