import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev';
import { startUpstream, type Upstream } from '../../test/upstream/server';

export const BENCH_TOKEN = 'bench-dev-token';

export interface Stack {
  upstream: Upstream;
  worker: WranglerDev;
  stop(): Promise<void>;
}

/** The worker under `wrangler dev` (development mode, dev token) talking to the scripted upstream "model". */
export async function startStack(vars: Record<string, string> = {}): Promise<Stack> {
  const upstream = await startUpstream();
  const worker = await startWranglerDev({
    vars: {
      ENVIRONMENT: 'development',
      DEV_TOKEN: BENCH_TOKEN,
      OPENAI_BASE_URL: upstream.url,
      OPENAI_API_KEY: 'bench',
      CHAT_MODEL: 'test-model',
      EMBEDDING_MODEL: 'text-embedding-3-small',
      ...vars,
    },
  });
  return {
    upstream,
    worker,
    async stop() {
      await worker.stop();
      await upstream.close();
    },
  };
}

/** Reads a streamed response until `needle` appears (the first token), then lets the stream go. */
export async function readUntil(response: Response, needle: string): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  while (!seen.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${needle}: ${seen.slice(0, 300)}`);
    seen += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
}
