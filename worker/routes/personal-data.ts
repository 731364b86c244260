import { Hono } from 'hono';
import type { PersonalDataErasure, PersonalDataExport } from '../../shared/personal-data';
import type { AppEnv } from '../context';
import { personalDataStores } from '../personal-data/registry';

/**
 * `/v1/me/data`: a person's own data. GET exports everything every registered store holds about the caller as
 * one JSON document; DELETE erases it all (the right to erasure), store by store, and says what went.
 */
export const personalDataRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { subject } = c.get('identity');
    const data: Record<string, unknown> = {};
    for (const store of personalDataStores) data[store.name] = await store.export({ env: c.env, subject });
    const body: PersonalDataExport = { subject, exportedAt: new Date().toISOString(), data };
    c.header('Cache-Control', 'private, no-store');
    c.header('Content-Disposition', 'attachment; filename="beside-my-data.json"');
    return c.json(body);
  })
  .delete('/', async (c) => {
    const { subject } = c.get('identity');
    const erased: Record<string, Record<string, number>> = {};
    for (const store of personalDataStores) erased[store.name] = await store.erase({ env: c.env, subject });
    console.log(JSON.stringify({ event: 'personal_data_erased', requestId: c.get('requestId'), stores: erased }));
    return c.json({ erased } satisfies PersonalDataErasure);
  });
