import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { CONVERSATION_HEADER } from '../../shared/conversations';
import { readConfig } from '../config';
import type { AppEnv } from '../context';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

/**
 * CORS for the extension. Production allows exactly ALLOWED_ORIGINS (the published extension ids);
 * development also allows any unpacked extension, whose id differs per machine.
 */
export function extensionCors() {
  return createMiddleware<AppEnv>(async function corsForExtension(c, next) {
    const config = readConfig(c.env);
    const handler = cors({
      origin: (origin) => {
        if (config.allowedOrigins.includes(origin)) return origin;
        if (config.isDevelopment && EXTENSION_ORIGIN.test(origin)) return origin;
        return null;
      },
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', CONVERSATION_HEADER],
      maxAge: 600,
    });
    return handler(c, next);
  });
}
