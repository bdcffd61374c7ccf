import { useCallback, useEffect, useRef, useState } from 'react';
import { bridgeFailure, type AppError, type Result } from './api';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: AppError };

export type ResolverState<T> = Loadable<T> & {
  /** Runs the call again and answers its result. What is shown stays on screen meanwhile, and after a failure. */
  reload: () => Promise<Result<T>>;
  /** Shows data the app already has (the view a save answered with) without calling again. */
  replace: (data: T) => void;
};

/**
 * One resolver result for a component, shared by every app. It loads when `deps` change; an answer that
 * arrives after a newer call (or a `replace`) is dropped, so a slow reload never undoes a save.
 */
export function useResolver<T>(call: () => Promise<Result<T>>, deps: unknown[] = []): ResolverState<T> {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const latest = useRef(0);
  const callRef = useRef(call);
  callRef.current = call;

  const reload = useCallback(async (): Promise<Result<T>> => {
    const ticket = ++latest.current;
    const result = await callRef.current().catch((e: unknown): Result<T> => ({ ok: false, error: bridgeFailure(e) }));
    if (ticket === latest.current) {
      setValue((shown) => (result.ok ? { state: 'ready', data: result.data } : shown.state === 'ready' ? shown : { state: 'failed', error: result.error }));
    }
    return result;
  }, []);

  const replace = useCallback((data: T) => {
    latest.current++;
    setValue({ state: 'ready', data });
  }, []);

  useEffect(() => {
    setValue({ state: 'loading' });
    void reload();
    return () => {
      latest.current++;
    };
    // The caller lists what `call` depends on in `deps`; `call` itself is a new function on every render.
  }, deps);

  return { ...value, reload, replace };
}
