// Tells `cloudflare:test` which bindings `env` has.
type WorkerEnv = import('../env').Env;

declare namespace Cloudflare {
  interface Env extends WorkerEnv {}
}
