import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A 1×1 transparent PNG: what a tracking pixel answers, so a loaded image renders without error.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export interface AttackerServer {
  /** `http://127.0.0.1:<port>`: the host an injected page wants the browser to contact. */
  origin: string;
  /** Paths (with query) of every request that reached the server, control requests included. */
  hits: string[];
  close(): Promise<void>;
}

/** The attacker's collection server: answers anything with a pixel and records what arrived (the leaked data). */
export async function startAttackerServer(): Promise<AttackerServer> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '/');
    response.writeHead(200, {
      'Content-Type': 'image/png',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    response.end(PIXEL);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
