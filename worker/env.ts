/**
 * Bindings and variables the worker runs with. Only `adapters/cloudflare/*` touch bindings directly;
 * everything else reads the parsed `Config`.
 */
export interface Env {
  DB: D1Database;
  /** Present on Cloudflare deploys; absent locally, where the local vector index stands in. */
  VECTORIZE?: VectorizeIndex;

  ENVIRONMENT?: string;
  VERSION?: string;

  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  CHAT_MODEL?: string;
  EMBEDDING_MODEL?: string;
  /** Milliseconds before an upstream model call is abandoned. */
  MODEL_TIMEOUT_MS?: string;
  /** Tokens of page text a prompt may carry. */
  PAGE_TOKEN_BUDGET?: string;

  AUTH_JWKS_URL?: string;
  AUTH_JWKS?: string;
  AUTH_ISSUER?: string;
  AUTH_AUDIENCE?: string;
  AUTH_GROUPS_CLAIM?: string;
  DEV_TOKEN?: string;

  /** Comma-separated origins allowed by CORS, e.g. chrome-extension://<id>. */
  ALLOWED_ORIGINS?: string;
}
