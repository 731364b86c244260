import { env } from 'cloudflare:test';
import { afterEach, expect } from 'vitest';
import { VectorizeIndexAdapter } from '../../worker/adapters/cloudflare/vectorize';
import { LocalVectorIndex } from '../../worker/adapters/local/vector-index';
import { CONTRACT_DIMENSIONS, CONTRACT_METADATA_INDEXES, describeVectorIndexContract } from './vector-index.contract';

const options = { dimensions: CONTRACT_DIMENSIONS, metadataIndexes: CONTRACT_METADATA_INDEXES };

/** Empties the local index (storage is shared by the tests of a file). */
async function emptyLocalIndex() {
  await env.DB.batch([
    env.DB.prepare('DELETE FROM vector_entries'),
    env.DB.prepare('UPDATE vector_state SET dimensions = NULL, generation = ?').bind(crypto.randomUUID()),
  ]);
  return new LocalVectorIndex(env.DB, options);
}

// The local adapter, on the real local D1 built by the migrations.
describeVectorIndexContract('local (D1)', {
  create: emptyLocalIndex,
  reopen: async () => new LocalVectorIndex(env.DB, options),
  parts: { validation: true, search: true },
});

// The Cloudflare adapter cannot be searched without a Cloudflare account: a fake binding would only test
// the fake. What can be proven honestly is that it refuses misuse itself, before calling the binding:
// this binding fails the test if any call reaches it. (Its mapping is tested in vectorize.test.ts.)
let bindingCalls = 0;
const unreachable = new Proxy({} as Vectorize, {
  get: () => () => {
    bindingCalls++;
    return Promise.reject(new Error('the binding must not be called for invalid input'));
  },
});
afterEach(() => {
  expect(bindingCalls).toBe(0);
});
describeVectorIndexContract('Cloudflare Vectorize adapter (validation)', {
  create: async () => new VectorizeIndexAdapter(unreachable, options),
  parts: { validation: true, search: false },
});
