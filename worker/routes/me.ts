import { Hono } from 'hono';
import type { MeResponse } from '../../shared/me';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { isAdmin, readableSpaces } from '../knowledge/spaces';

/** `GET /v1/me`: the signed-in person as the server sees them, and the knowledge spaces they can read. */
export const meRoutes = new Hono<AppEnv>().get('/', (c) => {
  const identity = c.get('identity');
  const config = readConfig(c.env);
  const body: MeResponse = {
    subject: identity.subject,
    ...(identity.name ? { name: identity.name } : {}),
    ...(identity.email ? { email: identity.email } : {}),
    groups: identity.groups,
    spaces: readableSpaces(identity, config),
    admin: isAdmin(identity, config),
  };
  c.header('Cache-Control', 'private, no-store');
  return c.json(body);
});
