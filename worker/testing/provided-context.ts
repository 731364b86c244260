// What the Node-side global setup hands to tests running in workerd.
declare module 'vitest' {
  export interface ProvidedContext {
    upstreamUrl: string;
    /** The control server of the local identity providers (test/idp/control.ts). */
    idpControlUrl: string;
    /** The provider started for the whole run. */
    idp: import('../../test/idp/control').IdpInfo;
    /** The test CRM MCP server (test/mcp/server.ts): `<mcpUrl>/mcp`, `<mcpUrl>/__calls`. */
    mcpUrl: string;
    /** Runs per route of the edge fuzzing suite (FUZZ_RUNS, default 100). */
    fuzzRuns: number;
    /** The statements of the console migrations' backfill blocks (scripts/seed-usage/backfill.ts). */
    rollupBackfill: string[];
  }
}

export {};
