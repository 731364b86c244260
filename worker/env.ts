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
  /** "true" (with ENVIRONMENT=development): serve the demo pages under /demo/ (`npm run dev` sets it). */
  DEMO_PAGES?: string;
  VERSION?: string;

  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  CHAT_MODEL?: string;
  EMBEDDING_MODEL?: string;
  /** Milliseconds before an upstream model call is abandoned. */
  MODEL_TIMEOUT_MS?: string;
  /** Providers, aliases (fallback chains) and the embedding model as JSON; see worker/models/settings.ts. */
  MODELS?: string;
  /** Milliseconds a model that is not the last of its alias may take to its first token before the next is tried. */
  MODEL_FIRST_TOKEN_TIMEOUT_MS?: string;
  /** Tokens of page text a prompt may carry. */
  PAGE_TOKEN_BUDGET?: string;
  /** Tokens of conversation history a prompt may carry. */
  HISTORY_TOKEN_BUDGET?: string;

  /** "oidc" (default): a bearer token from the identity provider; "cloudflare-access": Access's signed header. */
  AUTH_MODE?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWKS?: string;
  AUTH_ISSUER?: string;
  /** The `aud` tokens must carry; defaults to AUTH_CLIENT_ID. */
  AUTH_AUDIENCE?: string;
  /** The extension's (public) client id at the identity provider, served in /v1/config. */
  AUTH_CLIENT_ID?: string;
  /** Scopes the extension requests (space- or comma-separated); default "openid email profile offline_access". */
  AUTH_SCOPES?: string;
  /** Which token the extension sends: "access" (default) or "id". */
  AUTH_TOKEN_TYPE?: string;
  AUTH_GROUPS_CLAIM?: string;
  /** AUTH_MODE=cloudflare-access: the team domain (acme.cloudflareaccess.com) whose certs sign the assertion. */
  CF_ACCESS_TEAM_DOMAIN?: string;
  /** AUTH_MODE=cloudflare-access: the Access application's AUD tag. */
  CF_ACCESS_AUD?: string;
  DEV_TOKEN?: string;

  /** Comma-separated pages the extension never captures: "host", "*.host" or "host/path-prefix". */
  CAPTURE_BLOCKLIST?: string;
  /** Comma-separated features IT turned off: actions, page-capture, insert-drafts. */
  DISABLED_FEATURES?: string;

  /** Comma-separated origins allowed by CORS, e.g. chrome-extension://<id>. */
  ALLOWED_ORIGINS?: string;

  /** Knowledge spaces as JSON: space → groups that may read it ("*" = every signed-in person). */
  SPACES?: string;
  /**
   * Comma-separated spaces whose passages may appear in what is sent to customers (ticket replies, follow-up
   * emails). Default: none, so customer-facing drafts ground in the page alone.
   */
  CUSTOMER_SAFE_SPACES?: string;
  /** Comma-separated groups whose members administer knowledge (ingest, delete, list; read every space). */
  ADMIN_GROUPS?: string;
  /** A bearer key for the document routes only (CLI, CI); a secret: `wrangler secret put ADMIN_API_KEY`. */
  ADMIN_API_KEY?: string;
  /** Asks the embedding model for this many dimensions (text-embedding-3-* support it); must match the index. */
  EMBEDDING_DIMENSIONS?: string;
  /** "false" turns embeddings off: keyword-only retrieval even when a model server is configured. */
  EMBEDDINGS?: string;

  /** "pii" replaces personal data with placeholders before any text leaves for the model; "off" (default). */
  REDACT?: string;
  /** With REDACT=pii, more identifiers to redact: a JSON list of regular expressions (linear-time ones only). */
  REDACT_PATTERNS?: string;

  /**
   * Remote MCP servers as a JSON list: `[{"name":"crm","url":"https://…/mcp","headers":{"Authorization":"secret:CRM_TOKEN"},
   * "allowedTools":["lookup_account","update_stage"]}]` (worker/tools/mcp/settings.ts). `secret:NAME` reads secret NAME.
   */
  MCP_SERVERS?: string;
  /** Below this confidence (0–1, default 0.5) the Support Resolver hands the question to the Support Investigator. */
  HANDOFF_THRESHOLD?: string;
  /** "metadata" (default): usage and feedback rows carry no prompt, page or answer text; "full": they do. */
  PAYLOAD_LOGGING?: string;
  /** Secret key of the keyed hash that pseudonymises people in usage and feedback rows (required in production). */
  USAGE_PSEUDONYM_KEY?: string;
  /** Optional tokens (in + out) per person per UTC day on chat and actions; past it, 429 quota_exceeded. */
  DAILY_TOKEN_QUOTA?: string;
  /** Days conversations and other personal data are kept before the retention cron deletes them (default 90). */
  RETENTION_DAYS?: string;
}
