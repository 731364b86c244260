// Tells `cloudflare:test` which bindings `env` has.
type WorkerEnv = import('../env').Env;
type TestMigrations = import('cloudflare:test').D1Migration[];

declare namespace Cloudflare {
  interface Env extends WorkerEnv {
    /** The D1 migrations, read in Node by vitest.worker.config.ts and applied by apply-migrations.ts. */
    TEST_MIGRATIONS: TestMigrations;
  }
}
