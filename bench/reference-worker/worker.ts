/**
 * The floor the ttft bench compares the worker with: the same runtime and transport (wrangler dev, workerd, an
 * assets folder), calling the same upstream, with nothing of Beside in between. `/raw` pipes the upstream's bytes
 * through untouched; `/ai` is the least the AI SDK does for a streamed chat (OpenAI provider, streamText, UI-message
 * stream), as the worker's own pipeline does before anything of ours. Used by bench/ttft.ts only.
 */
import { createOpenAI } from '@ai-sdk/openai';
import { convertToModelMessages, streamText, type UIMessage } from 'ai';

interface Env {
  OPENAI_BASE_URL: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/v1/health') return Response.json({ status: 'ok' });
    if (pathname === '/raw') {
      const upstream = await fetch(`${env.OPENAI_BASE_URL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
        body: await request.text(),
      });
      return new Response(upstream.body, { headers: { 'content-type': 'text/event-stream' } });
    }
    if (pathname === '/ai') {
      const { messages } = (await request.json()) as { messages: UIMessage[] };
      const model = createOpenAI({ apiKey: 'bench', baseURL: env.OPENAI_BASE_URL }).chat('test-model');
      const result = streamText({
        model,
        instructions: 'You are a helpful assistant.',
        messages: await convertToModelMessages(messages),
      });
      return result.toUIMessageStreamResponse({ headers: { 'Content-Encoding': 'identity' } });
    }
    return new Response('not found', { status: 404 });
  },
} satisfies ExportedHandler<Env>;
