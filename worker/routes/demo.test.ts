import { describe, expect, it } from 'vitest';
import { demoPages } from '../demo/pages';
import { call, testEnv } from '../testing/support';

describe('demo pages (/demo/)', () => {
  it('are served, with their index, only when DEMO_PAGES=true in development', async () => {
    const on = await testEnv({ DEMO_PAGES: 'true' });
    const index = await call('/demo/', {}, on);
    expect(index.status).toBe(200);
    const html = await index.text();
    for (const page of demoPages) expect(html).toContain(`href="${page.path}"`);

    for (const page of demoPages) {
      const response = await call(page.path, {}, on);
      expect(response.status, page.path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      // Static imitations: no script may run on them, whatever they contain.
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await response.text()).not.toMatch(/<script/i);
    }
  });

  it('are not served by default, nor in production even with the flag', async () => {
    expect((await call('/demo/', {}, await testEnv())).status).toBe(404);
    expect((await call(demoPages[0]!.path, {}, await testEnv())).status).toBe(404);
    const production = await testEnv({ DEMO_PAGES: 'true', ENVIRONMENT: 'production' });
    expect((await call(demoPages[0]!.path, {}, production)).status).toBe(404);
  });

  it('tell one story with the sample knowledge: the customer, its plan and the prices the pricing page lists', async () => {
    const on = await testEnv({ DEMO_PAGES: 'true' });
    const opportunity = await (await call(demoPages[0]!.path, {}, on)).text();
    expect(opportunity).toContain('Globex Logistics');
    // knowledge-samples/sales/pricing-and-packaging.md: Growth $1,900 / month, Warehouse Sync $400 / month on Growth.
    expect(opportunity).toContain('$1,900.00');
    expect(opportunity).toContain('$400.00');
    const thread = await (await call(demoPages[2]!.path, {}, on)).text();
    expect(thread).toContain('Dana Whitfield');
    const article = await (await call(demoPages[3]!.path, {}, on)).text();
    expect(article).toContain('Enterprise plan');
  });
});
