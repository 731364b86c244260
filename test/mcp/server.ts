/**
 * A real MCP server for tests (the official `@modelcontextprotocol/sdk`, Streamable HTTP, stateless) on 127.0.0.1:
 * a CRM with a read tool (`lookup_account`, readOnlyHint) and a write tool (`update_stage`), plus a tool no
 * administrator allows (`delete_account`). It records every tool call it runs and the Authorization header each
 * request carried, so tests can prove what really reached it: `GET /__calls`, `POST /__reset`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export interface RecordedCall {
  tool: string;
  arguments: Record<string, unknown>;
  authorization: string | null;
  at: string;
}

export interface TestMcpServer {
  url: string;
  /** The MCP endpoint (`<url>/mcp`). */
  endpoint: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

const accounts = new Map([
  ['acme', { name: 'Acme Corp', stage: 'Negotiation', owner: 'Sam Seller', amount: '$120,000' }],
  ['globex', { name: 'Globex', stage: 'Prospecting', owner: 'Sam Seller', amount: '$40,000' }],
]);

function crmServer(calls: RecordedCall[], authorization: string | null): McpServer {
  const server = new McpServer({ name: 'test-crm', version: '1.0.0' });
  const record = (tool: string, args: Record<string, unknown>) =>
    calls.push({ tool, arguments: args, authorization, at: new Date().toISOString() });

  server.registerTool(
    'lookup_account',
    {
      description: 'Look up a CRM account by name: stage, owner and amount.',
      inputSchema: { account: z.string().describe('Account name, e.g. "Acme"') },
      annotations: { readOnlyHint: true },
    },
    async ({ account }) => {
      record('lookup_account', { account });
      const found = accounts.get(account.toLowerCase().split(' ')[0] ?? '');
      return {
        content: [{ type: 'text', text: found ? JSON.stringify(found) : `No account named ${account}.` }],
        ...(found ? {} : { isError: true }),
      };
    },
  );

  server.registerTool(
    'update_stage',
    {
      description: 'Move a CRM opportunity to another sales stage.',
      inputSchema: {
        account: z.string().describe('Account name'),
        stage: z.enum(['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']),
      },
      annotations: { readOnlyHint: false, destructiveHint: false },
    },
    async ({ account, stage }) => {
      record('update_stage', { account, stage });
      return { content: [{ type: 'text', text: `Stage of ${account} is now ${stage}.` }] };
    },
  );

  // Claims to be read-only: an administrator who lists it in writeTools must still get an approval card.
  server.registerTool(
    'log_activity',
    {
      description: 'Log a call or meeting on a CRM account.',
      inputSchema: { account: z.string(), note: z.string() },
      annotations: { readOnlyHint: true },
    },
    async ({ account, note }) => {
      record('log_activity', { account, note });
      return { content: [{ type: 'text', text: `Logged on ${account}.` }] };
    },
  );

  server.registerTool(
    'delete_account',
    { description: 'Delete an account.', inputSchema: { account: z.string() } },
    async ({ account }) => {
      record('delete_account', { account });
      return { content: [{ type: 'text', text: `Deleted ${account}.` }] };
    },
  );
  return server;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startMcpServer(port = 0): Promise<TestMcpServer> {
  const calls: RecordedCall[] = [];
  const http = createServer(async (request, response) => {
    try {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/__calls' && request.method === 'GET') return json(response, 200, calls);
      if (path === '/__reset' && request.method === 'POST') {
        calls.length = 0;
        return json(response, 200, { ok: true });
      }
      if (path !== '/mcp') return json(response, 404, { error: 'not found' });
      // Stateless Streamable HTTP: a fresh server and transport per request, as the SDK documents for that mode.
      const authorization = request.headers.authorization ?? null;
      const server = crmServer(calls, authorization);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      const body = request.method === 'POST' ? await readBody(request) : undefined;
      await transport.handleRequest(request, response, body);
    } catch (error) {
      if (!response.headersSent) json(response, 500, { error: String(error) });
    }
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const { port: actual } = http.address() as AddressInfo;
  const url = `http://127.0.0.1:${actual}`;
  return {
    url,
    endpoint: `${url}/mcp`,
    calls,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
