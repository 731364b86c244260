import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../testing/fake-browser';

/** A real HTTP server that counts the configuration requests it answers. */
let server: Server;
let url: string;
let requests = 0;
let blocked = ['private.example.com'];

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests++;
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        product: { name: 'Beside', version: '1' },
        auth: { mode: 'none' },
        capture: { blocked },
        features: { actions: true, pageCapture: true, insertDrafts: true },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Each panel opening is a new page: its module memory starts empty, extension storage does not. */
async function openPanel() {
  vi.resetModules();
  return (await import('./server-config')).serverConfig;
}

describe('server configuration across panel openings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    requests = 0;
    blocked = ['private.example.com'];
  });

  it('a panel opened again within five minutes reads the stored answer without asking the server', async () => {
    const start = 1_000_000;
    expect((await (await openPanel())(url, start))?.capture.blocked).toEqual(['private.example.com']);
    expect(requests).toBe(1);
    blocked = ['other.example.com'];
    expect((await (await openPanel())(url, start + 4 * 60_000))?.capture.blocked).toEqual(['private.example.com']);
    expect(requests).toBe(1);
  });

  it('after five minutes, or for another server, the panel asks again and honours the new policy', async () => {
    const start = 2_000_000;
    await (await openPanel())(url, start);
    blocked = ['other.example.com'];
    expect((await (await openPanel())(url, start + 5 * 60_000))?.capture.blocked).toEqual(['other.example.com']);
    expect(requests).toBe(2);
    await (await openPanel())(`${url}/`, start + 5 * 60_000 + 1);
    expect(requests).toBe(3);
  });
});
