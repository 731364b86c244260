import { Hono } from 'hono';
import { readConfig } from '../config';
import type { AppEnv } from '../context';
import { demoIndex, demoPages } from '../demo/pages';

/**
 * Demo pages for a first run (`npm run dev`): only when DEMO_PAGES=true in development, so a production deploy never
 * serves imitations of Salesforce or Gmail from the company's Beside address. Static HTML with no script: the
 * policy forbids any, and nothing on these pages can reach the API with the visitor's credentials.
 */
const DEMO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export const demoRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    const enabled = c.env.DEMO_PAGES === 'true' && readConfig(c.env).isDevelopment;
    if (!enabled) return c.notFound();
    await next();
    c.header('Content-Security-Policy', DEMO_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
  })
  .get('/*', (c) => {
    if (c.req.path === '/demo' || c.req.path === '/demo/') return c.html(demoIndex());
    const page = demoPages.find((candidate) => candidate.path === c.req.path);
    return page ? c.html(page.html) : c.notFound();
  });
