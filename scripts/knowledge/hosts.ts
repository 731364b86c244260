/**
 * Which web hosts an ingest may read. A sitemap is written by whoever runs the site: its `<loc>`s and
 * redirects can point anywhere (an internal admin page, a cloud metadata address, a competitor's site), and
 * whatever the CLI fetches becomes company knowledge. So an ingest stays on the host it was given unless
 * the person running it names others with `--allow-host`.
 *
 * "Host" is the URL's host as `new URL(…).host` gives it: the host name and, when it is not the scheme's
 * default, the port (`docs.example.com`, `docs.example.com:8443`, `127.0.0.1:8080`). Two ports are two
 * hosts: on one machine they are two different servers. The scheme is not part of it (http and https of
 * one host are the same site).
 */

const MAX_REDIRECTS = 5;

/** The `--allow-host` values, split on commas and checked: a host name with an optional port. */
export function parseAllowedHosts(values: readonly string[]): string[] {
  const hosts: string[] = [];
  for (const value of values.flatMap((entry) => entry.split(','))) {
    const trimmed = value.trim().toLowerCase();
    if (!trimmed) continue;
    const host = URL.canParse(`http://${trimmed}/`) ? new URL(`http://${trimmed}/`).host : undefined;
    // Only a bare host[:port]: a path, credentials or a scheme would mean the person meant something else.
    if (host !== trimmed) {
      throw new Error(
        `--allow-host takes a host name with an optional port, leaving out the default one (e.g. docs.example.com or docs.example.com:8443), not "${value}".`,
      );
    }
    hosts.push(host);
  }
  return hosts;
}

/** Fetched a URL that is not on an allowed host (directly or through a redirect). */
export class HostRefusedError extends Error {
  override readonly name = 'HostRefusedError';
}

export class HostPolicy {
  /** The host of the URL the ingest was given. */
  readonly origin: string;
  private readonly hosts: Set<string>;

  /** `start`: the URL the ingest was given (its host is always allowed); `extra`: from `--allow-host`. */
  constructor(
    start: string,
    extra: readonly string[] = [],
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.origin = new URL(start).host;
    this.hosts = new Set([this.origin, ...extra]);
  }

  allows(url: string): boolean {
    if (!URL.canParse(url)) return false;
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && this.hosts.has(parsed.host);
  }

  /** Why `url` is refused, in words that say how to allow it. */
  refusal(url: string, via?: string): string {
    const what = via ? `${via} redirects to ${url}` : url;
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      return `${what}: refused, only http(s) pages can be ingested.`;
    }
    const host = parsed.host;
    return `${what}: refused, ${host} is not the sitemap's host (${this.origin}). Pass --allow-host ${host} to ingest from it.`;
  }

  /**
   * `fetch` that follows redirects itself (`redirect: 'manual'`) and checks every hop against the policy, so
   * an allowed page cannot forward the CLI to a host nobody allowed.
   */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    if (!this.allows(url)) throw new HostRefusedError(this.refusal(url));
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await this.fetchImpl(current, { ...init, redirect: 'manual' });
      const location = response.headers.get('Location');
      if (response.status < 300 || response.status > 399 || location === null) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new HostRefusedError(`${url}: more than ${MAX_REDIRECTS} redirects.`);
      const next = URL.canParse(location, current) ? new URL(location, current).href : location;
      if (!this.allows(next)) throw new HostRefusedError(this.refusal(next, current));
      current = next;
    }
  }
}
