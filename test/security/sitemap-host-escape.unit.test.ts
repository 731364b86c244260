import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIngestArguments } from '../../scripts/ingest';
import { collectDocuments } from '../../scripts/knowledge/collect';
import { parseAllowedHosts } from '../../scripts/knowledge/hosts';

/**
 * Attack: a sitemap (written by whoever runs the site) lists pages on other hosts, or its pages redirect
 * there, and the ingest CLI turns whatever it fetches into company knowledge. Defence: the CLI stays on the
 * sitemap's host (host = host:port, so two local servers on two ports are two hosts) unless `--allow-host`
 * names others, and checks every redirect hop itself (`redirect: 'manual'`).
 */

interface Site {
  url: string;
  host: string;
  requests: string[];
  close(): Promise<void>;
}

async function site(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Site> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const page = (res: ServerResponse, title: string) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(`<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Text of ${title}.</p></body></html>`);
};
const xml = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0"?>${body}`);
};
const urlset = (...locations: string[]) =>
  `<urlset>${locations.map((location) => `<url><loc>${location}</loc></url>`).join('')}</urlset>`;

let docs: Site;
let other: Site;

beforeAll(async () => {
  other = await site((req, res) => {
    if (req.url === '/sitemap.xml') return xml(res, urlset(`${other.url}/secret`));
    page(res, 'Other host secret');
  });
  docs = await site((req, res) => {
    switch (req.url) {
      case '/sitemap.xml':
        return xml(res, urlset(`${docs.url}/guide`, `${other.url}/secret`, `${docs.url}/moved`));
      case '/index.xml':
        return xml(res, `<sitemapindex><sitemap><loc>${other.url}/sitemap.xml</loc></sitemap></sitemapindex>`);
      case '/moved':
        res.writeHead(302, { Location: `${other.url}/secret` }).end();
        return;
      case '/local-redirect':
        res.writeHead(301, { Location: '/guide' }).end();
        return;
      case '/loop':
        res.writeHead(302, { Location: '/loop' }).end();
        return;
      case '/redirecting-sitemap.xml':
        res.writeHead(307, { Location: `${other.url}/sitemap.xml` }).end();
        return;
      case '/schemes.xml':
        return xml(res, urlset('file:///etc/passwd', `${docs.url}/guide`));
      default:
        return page(res, `Docs ${req.url}`);
    }
  });
});

afterAll(async () => {
  await docs?.close();
  await other?.close();
});

beforeEach(() => {
  docs.requests.length = 0;
  other.requests.length = 0;
});

describe('sitemap ingestion stays on the sitemap host', () => {
  it('refuses <loc>s and redirects to another host (another port), fetching nothing there', async () => {
    const collected = await collectDocuments(`${docs.url}/sitemap.xml`, 'company');
    expect(other.requests).toEqual([]);
    expect(collected.map((item) => item.document?.id ?? null)).toEqual([`${docs.url}/guide`, null, null]);
    const [, offHost, redirected] = collected;
    expect(offHost?.error).toContain(`Pass --allow-host ${other.host}`);
    expect(redirected?.error).toContain(`${docs.url}/moved redirects to ${other.url}/secret`);
    expect(redirected?.error).toContain('refused');
  });

  it('refuses a sitemap index entry and a redirected sitemap on another host', async () => {
    expect(await collectDocuments(`${docs.url}/index.xml`, 'company')).toEqual([]);
    const redirected = await collectDocuments(`${docs.url}/redirecting-sitemap.xml`, 'company');
    expect(redirected).toHaveLength(1);
    expect(redirected[0]?.error).toMatch(/refused/);
    expect(other.requests).toEqual([]);
  });

  it('refuses non-http(s) locations and redirect loops', async () => {
    const schemes = await collectDocuments(`${docs.url}/schemes.xml`, 'company');
    expect(schemes[0]).toMatchObject({ source: 'file:///etc/passwd', error: expect.stringMatching(/refused/) });
    expect(schemes[1]?.document?.id).toBe(`${docs.url}/guide`);
    const loop = await collectDocuments(`${docs.url}/loop`, 'company');
    expect(loop[0]?.error).toMatch(/more than 5 redirects/);
  });

  it('follows redirects on the same host', async () => {
    const [item] = await collectDocuments(`${docs.url}/local-redirect`, 'company');
    expect(item?.document).toMatchObject({ id: `${docs.url}/local-redirect`, title: 'Docs /guide' });
  });

  it('follows other hosts named with --allow-host, and only those', async () => {
    const collected = await collectDocuments(`${docs.url}/sitemap.xml`, 'company', { allowHosts: [other.host] });
    expect(collected.map((item) => item.error)).toEqual([undefined, undefined, undefined]);
    expect(collected[1]?.document?.title).toBe('Other host secret');
    expect(collected[2]?.document).toMatchObject({ id: `${docs.url}/moved`, title: 'Other host secret' });
    const index = await collectDocuments(`${docs.url}/index.xml`, 'company', { allowHosts: [other.host] });
    expect(index.map((item) => item.document?.id)).toEqual([`${other.url}/secret`]);
  });
});

describe('--allow-host', () => {
  it('is repeatable and comma-separated, host or host:port', () => {
    const args = parseIngestArguments(
      [
        'https://docs.example.com/sitemap.xml',
        '--space',
        'company',
        '--allow-host',
        'a.example.com, B.example.com:8443',
        '--allow-host',
        'c.example',
      ],
      { BESIDE_TOKEN: 't' },
    );
    expect(args.allowHosts).toEqual(['a.example.com', 'b.example.com:8443', 'c.example']);
  });

  it('refuses values that are not a bare host', () => {
    for (const value of ['https://a.example.com', 'a.example.com/path', 'user@a.example.com', 'a.example.com:80x']) {
      expect(() => parseAllowedHosts([value])).toThrow(/--allow-host takes a host name/);
    }
  });
});
