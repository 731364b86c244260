// The part of node:async_hooks the worker uses (workerd provides it under nodejs_compat); the worker's
// tsconfig has no Node types, on purpose.
declare module 'node:async_hooks' {
  export class AsyncLocalStorage<T> {
    getStore(): T | undefined;
    run<R>(store: T, callback: () => R): R;
  }
}
