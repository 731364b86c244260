/**
 * The worker settings every end-to-end worker shares: development mode with a dev token, and the test upstream as
 * its one model (chat and embeddings). Files add only what makes their worker different.
 */
export function e2eWorkerSettings(options: {
  devToken: string;
  upstreamUrl: string;
  apiKey?: string;
}): Record<string, string> {
  return {
    ENVIRONMENT: 'development',
    DEV_TOKEN: options.devToken,
    OPENAI_BASE_URL: options.upstreamUrl,
    OPENAI_API_KEY: options.apiKey ?? 'e2e',
    CHAT_MODEL: 'test-model',
    EMBEDDING_MODEL: 'text-embedding-3-small',
    MODEL_TIMEOUT_MS: '30000',
  };
}
