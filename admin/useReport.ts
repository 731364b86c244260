import { useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: Error };

/** Loads a report whenever its path changes; the latest request wins. */
export function useReport<T>(path: string, load: (path: string) => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load(path).then(
      (data) => current && setLoaded({ state: 'ready', data }),
      (error: unknown) => current && setLoaded({ state: 'failed', error: error as Error }),
    );
    return () => {
      current = false;
    };
    // `load` is a module-level function of each page, so the path alone decides when to fetch again.
  }, [path, load]);
  return loaded;
}
