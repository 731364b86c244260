import { SERVER_CONNECT_SOURCES } from '../../shared/server-url';

/**
 * The Content Security Policy of the extension's own pages (side panel, options). The rule that matters most is
 * `img-src`: no image from anywhere but the extension and `data:`, so even if a remote image reached the panel's
 * DOM, Chromium would not request it and no company knowledge could leave in its address. Scripts only from the
 * extension (the MV3 minimum), requests only to a Beside server the options page accepts (shared/server-url.ts).
 * Under `wxt dev` the dev server needs its scripts, websocket and injected styles.
 */
export function extensionPagesCsp({ dev }: { dev: boolean }): string {
  const devServer = dev ? ['http://localhost:*', 'ws://localhost:*'] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(dev ? ['http://localhost:*'] : [])],
    'object-src': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    'connect-src': ["'self'", ...SERVER_CONNECT_SOURCES, ...devServer],
    'frame-src': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}
