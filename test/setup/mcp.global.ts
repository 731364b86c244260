import type { TestProject } from 'vitest/node';
import '../../worker/testing/provided-context';
import { startMcpServer } from '../mcp/server';

/** One test CRM MCP server (test/mcp/server.ts) for the worker tests: `inject('mcpUrl')`. */
export default async function setup(project: TestProject) {
  const server = await startMcpServer();
  project.provide('mcpUrl', server.url);
  return () => server.close();
}
