/** `npx tsx test/mcp/cli.ts [--port 8790]`: the test CRM MCP server, for trying MCP_SERVERS by hand. */
import { startMcpServer } from './server';

const index = process.argv.indexOf('--port');
const port = index >= 0 ? Number(process.argv[index + 1]) : 8790;
const server = await startMcpServer(port);
console.log(`Test CRM MCP server on ${server.endpoint} (calls: ${server.url}/__calls)`);
