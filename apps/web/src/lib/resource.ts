import { useCallback, useEffect, useRef, useState } from 'react';

/*
 * A small read cache: on a slow connection, going back to a page shows what was there at once
 * and refreshes it quietly. Keys are the API paths; writes invalidate by prefix.
 */
const cache = new Map<string, unknown>();

export function invalidate(prefix = ''): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}

export function readCache<T>(key: string): T | undefined {
  return cache.get(key) as T | undefined;
}

export function writeCache<T>(key: string, value: T): void {
  cache.set(key, value);
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** True while the first answer for this key is awaited (not during a quiet refresh). */
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (after a write whose answer already tells the new state). */
  mutate: (value: T) => void;
}

/** Fetches `key` with `fetcher` (null key: nothing to fetch yet) and refetches when the key changes. */
export function useResource<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: unknown }>(() => ({
    key,
    data: key ? readCache<T>(key) : undefined,
    error: undefined,
  }));
  const [version, setVersion] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  // A new key: show its cached data (if any) right away instead of the previous key's.
  let current = state;
  if (state.key !== key) {
    current = { key, data: key ? readCache<T>(key) : undefined, error: undefined };
    setState(current);
  }

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    fetcherRef.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        cache.set(key, data);
        setState({ key, data, error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((prev) => ({ key, data: prev.key === key ? prev.data : undefined, error }));
      },
    );
    return () => controller.abort();
  }, [key, version]);

  const reload = useCallback(() => {
    setState((prev) => ({ ...prev, error: undefined }));
    setVersion((v) => v + 1);
  }, []);

  const mutate = useCallback(
    (value: T) => {
      if (key) cache.set(key, value);
      setState({ key, data: value, error: undefined });
    },
    [key],
  );

  return {
    data: current.data,
    error: current.data === undefined ? current.error : undefined,
    loading: Boolean(key) && current.data === undefined && current.error === undefined,
    reload,
    mutate,
  };
}
