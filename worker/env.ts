/**
 * Bindings and variables the worker runs with. Only `adapters/cloudflare/*` touch bindings directly;
 * everything else reads the parsed `Config`.
 */
export interface Env {
  DB: D1Database;
  /** Per-person request limit on chat, actions and search ([[ratelimits]] in wrangler.toml). */
  RATE_LIMITER?: RateLimit;
  /** Present on Cloudflare deploys (a Vectorize V2 index); absent locally, where the local vector index stands in. */
  VECTORIZE?: Vectorize;

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

  /** Knowledge spaces as JSON: space → groups that may read it ("*" = every signed-in person). */
  SPACES?: string;
  /** Comma-separated groups whose members administer knowledge (ingest, delete, list; read every space). */
  ADMIN_GROUPS?: string;
  /** A bearer key for the document routes only (CLI, CI); a secret: `wrangler secret put ADMIN_API_KEY`. */
  ADMIN_API_KEY?: string;
  /** Asks the embedding model for this many dimensions (text-embedding-3-* support it); must match the index. */
  EMBEDDING_DIMENSIONS?: string;
  /** "false" turns embeddings off: keyword-only retrieval even when a model server is configured. */
  EMBEDDINGS?: string;
}
