// What the Node-side global setup hands to tests running in workerd.
declare module 'vitest' {
  export interface ProvidedContext {
    upstreamUrl: string;
  }
}

export {};
